import { Link, Outlet, useRouter, useRouterState } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import { useCan } from '../../auth/use-can';
import { useAppConfig } from '../../config/use-config';
import { useI18n } from '../../i18n/use-i18n';
import { GlobalProgress } from '../../ui/GlobalProgress';
import { QuickSearch } from '../../features/search/QuickSearch';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { UserMenu } from './UserMenu';

/** The signed-in frame: product and client name, navigation, language, the user's menu. */
export function AppShell() {
  const { t } = useI18n();
  const { displayName } = useAppConfig();
  const can = useCan();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="shell-header">
        <div className="shell-brand">
          <Link to="/" className="shell-product">
            <span className="shell-logo" aria-hidden="true" />
            {t.app.productName}
          </Link>
          {displayName ? <span className="shell-client">{displayName}</span> : null}
        </div>
        <nav className="shell-nav" aria-label={t.nav.main}>
          {can('portal', 'read') && !can('leads', 'read') ? (
            <Link to="/portal" data-testid="nav-portal" className="shell-nav-link" activeProps={{ className: 'shell-nav-link active' }}>
              {t.nav.portal}
            </Link>
          ) : null}
          {can('leads', 'read') ? (
            <Link to="/leads" data-testid="nav-leads" className="shell-nav-link" activeProps={{ className: 'shell-nav-link active' }}>
              {t.nav.leads}
            </Link>
          ) : null}
          {can('accounts', 'read') ? (
            <NavHrefLink href="/accounts" testId="nav-accounts">
              {t.nav.accounts}
            </NavHrefLink>
          ) : null}
          {can('contacts', 'read') ? (
            <NavHrefLink href="/contacts" testId="nav-contacts">
              {t.nav.contacts}
            </NavHrefLink>
          ) : null}
          {can('deals', 'read') ? (
            <NavHrefLink href="/deals" testId="nav-deals">
              {t.nav.deals}
            </NavHrefLink>
          ) : null}
          {can('cases', 'read') ? (
            <NavHrefLink href="/cases" testId="nav-cases">
              {t.nav.cases}
            </NavHrefLink>
          ) : null}
          {can('products', 'read') ? (
            <NavHrefLink href="/products" testId="nav-products">
              {t.nav.products}
            </NavHrefLink>
          ) : null}
          {can('imports', 'read') ? (
            <Link to="/imports" data-testid="nav-imports" className="shell-nav-link" activeProps={{ className: 'shell-nav-link active' }}>
              {t.nav.imports}
            </Link>
          ) : null}
          {can('contacts', 'merge') || can('accounts', 'merge') || can('leads', 'merge') ? (
            <NavHrefLink href="/duplicates/contact" section="/duplicates" testId="nav-duplicates">
              {t.nav.duplicates}
            </NavHrefLink>
          ) : null}
          {can('custom-fields', 'read') ? (
            <NavHrefLink href="/settings" testId="nav-settings">
              {t.nav.settings}
            </NavHrefLink>
          ) : null}
        </nav>
        {can('search', 'read') ? <QuickSearch /> : null}
        <div className="shell-tools">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <GlobalProgress />
      <main id="main" className="shell-main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}

/**
 * A section of the app named by its path, for sections whose routes the typed tree does not (yet)
 * list: navigated by the router without a page load, marked active on its section's path and below it.
 */
function NavHrefLink({ href, section = href, testId, children }: { href: string; section?: string; testId: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const active = pathname === section || pathname.startsWith(`${section}/`);
  function click(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  }
  return (
    <a href={href} data-testid={testId} className={active ? 'shell-nav-link active' : 'shell-nav-link'} aria-current={active ? 'page' : undefined} onClick={click}>
      {children}
    </a>
  );
}
