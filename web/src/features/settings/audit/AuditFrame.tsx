import { useNavigate } from '@tanstack/react-router';
import { useId, type ReactNode } from 'react';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useCan } from '../../../auth/use-can';
import { AppLink } from '../../../ui/AppLink';
import { SettingsNav } from '../SettingsNav';
import { cleanSearch, periodHref, type PeriodSearch } from './audit-search';
import { useAuditMessages } from './audit-messages';
import '../../../styles/transfer.css';
import '../../../styles/settings.css';
import './audit.css';

/**
 * The audit trail's frame (ACC-4): the settings sections, the title, the two tabs (the journal and
 * the repeated queries; the period travels between them) and, for anyone but an admin, a plain
 * "admins only" instead of a request the API would refuse.
 */
export type AuditTab = 'log' | 'usage';

export const auditPaths: Record<AuditTab, string> = { log: '/settings/audit', usage: '/settings/audit/usage' };

interface AuditFrameProps {
  tab: AuditTab;
  period: PeriodSearch;
  intro: string;
  children: ReactNode;
}

export function AuditFrame({ tab, period, intro, children }: AuditFrameProps) {
  const m = useAuditMessages();
  const titleId = useId();
  const allowed = useCan()('audit', 'read');
  useDocumentTitle(`${m.title}: ${m.tabs[tab]}`);
  return (
    <section className="page page-wide settings-page audit-page" aria-labelledby={titleId} data-testid={`audit-${tab}-page`}>
      <SettingsNav />
      <header className="page-header">
        <h1 id={titleId}>{m.title}</h1>
      </header>
      <p className="muted settings-intro">{intro}</p>
      <nav className="transfer-tabs settings-tabs" aria-label={m.tabs.label}>
        {(Object.keys(auditPaths) as AuditTab[]).map((key) => (
          <AppLink key={key} href={periodHref(auditPaths[key], period)} className={key === tab ? 'transfer-tab transfer-tab-on' : 'transfer-tab'} testId={`audit-tab-${key}`}>
            <span aria-current={key === tab ? 'page' : undefined}>{m.tabs[key]}</span>
          </AppLink>
        ))}
      </nav>
      {allowed ? (
        children
      ) : (
        <p className="notice notice-info" data-testid="audit-forbidden">
          {m.forbidden}
        </p>
      )}
    </section>
  );
}

/** A new search for the tab's URL: shareable, and Back undoes it. */
export function useAuditNavigate<S extends object>(tab: AuditTab): (search: S) => void {
  const navigate = useNavigate();
  // The audit routes are registered by settings; typed routes are not known here.
  return (search) => void navigate({ to: auditPaths[tab] as never, search: cleanSearch(search) as never });
}
