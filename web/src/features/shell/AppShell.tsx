import { Link, Outlet } from '@tanstack/react-router';
import { useAppConfig } from '../../config/use-config';
import { useI18n } from '../../i18n/use-i18n';
import { GlobalProgress } from '../../ui/GlobalProgress';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

/** The signed-in frame: product and client name, navigation, language, the user's menu. */
export function AppShell() {
  const { t } = useI18n();
  const { displayName } = useAppConfig();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="shell-header">
        <div className="shell-brand">
          <Link to="/leads" className="shell-product">
            <span className="shell-logo" aria-hidden="true" />
            {t.app.productName}
          </Link>
          {displayName ? <span className="shell-client">{displayName}</span> : null}
        </div>
        <nav className="shell-nav" aria-label={t.nav.main}>
          <Link to="/leads" data-testid="nav-leads" className="shell-nav-link" activeProps={{ className: 'shell-nav-link active' }}>
            {t.nav.leads}
          </Link>
          <Link to="/imports" data-testid="nav-imports" className="shell-nav-link" activeProps={{ className: 'shell-nav-link active' }}>
            {t.nav.imports}
          </Link>
        </nav>
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
