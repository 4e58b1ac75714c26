import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/api-error';
import { useDocumentTitle } from '../../app/use-document-title';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { LoadFailed } from '../../ui/LoadFailed';
import { casesOfPages, needsClient } from './portal-cases';
import { usePortalMessages } from './portal-messages';
import { usePortalCases } from './use-portal-cases';
import './portal.css';

/**
 * The client portal's frame (ACC-3): its title, "New case" always at hand, and the two sections —
 * the deals (where the portal opens) and the cases — as tabs, the cases' tab saying when some await the client's reply.
 */
export function PortalLayout({ section, children }: { section: 'cases' | 'deals'; children: ReactNode }) {
  const p = usePortalMessages();
  useDocumentTitle(`${p.tabs[section]} · ${p.title}`);
  const cases = usePortalCases();
  const waiting = casesOfPages(cases.data?.pages ?? []).filter((c) => needsClient(c.status)).length;
  return (
    <section className="page portal" aria-labelledby="portal-title" data-testid="portal-page">
      <header className="page-header portal-header">
        <div>
          <h1 id="portal-title">{p.title}</h1>
          <p className="muted portal-intro">{p.intro}</p>
        </div>
        <Link to="/portal/cases/new" className="button button-primary" data-testid="portal-new-case">
          {p.newCase}
        </Link>
      </header>
      <nav className="portal-tabs" aria-label={p.sections}>
        <Link to="/portal" className="portal-tab" activeOptions={{ exact: true }} activeProps={{ className: 'portal-tab active' }} data-testid="portal-tab-deals">
          {p.tabs.deals}
        </Link>
        <Link to="/portal/cases" className="portal-tab" activeProps={{ className: 'portal-tab active' }} data-testid="portal-tab-cases">
          {p.tabs.cases}
          {waiting > 0 ? (
            <span className="portal-tab-count" title={p.statuses.waiting}>
              <span aria-hidden="true">{waiting}</span>
              <span className="visually-hidden">
                {' '}
                ({p.statuses.waiting}: {waiting})
              </span>
            </span>
          ) : null}
        </Link>
      </nav>
      {children}
    </section>
  );
}

/** A section until its list is there: loading, "not linked to a company" (the API's 404), or a failure with a retry. */
export function PortalLoadState({ pending, error, retry, loading }: { pending: boolean; error: unknown; retry: () => void; loading: string }) {
  const p = usePortalMessages();
  if (pending) return <LoadingState text={loading} />;
  return isApiError(error) && error.isNotFound ? <ErrorNotice>{p.noAccount}</ErrorNotice> : <LoadFailed error={error} retry={retry} />;
}
