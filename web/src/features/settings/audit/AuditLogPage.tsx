import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { LoadingState } from '../../../ui/LoadingState';
import { Spinner } from '../../../ui/Spinner';
import { AppLink } from '../../../ui/AppLink';
import { apiErrorMessage } from '../../../api/api-error-message';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useUserName } from '../../../api/use-users';
import { actorLabel, queryText, recordHrefOf } from './audit-describe';
import { isPeriodRejected } from './audit-errors';
import { subjectLabel, useAuditMessages } from './audit-messages';
import { hasAuditFilters, periodIssue, type AuditSearch } from './audit-search';
import type { AuditEntry } from './audit-types';
import { AuditFrame, useAuditNavigate } from './AuditFrame';
import { LogFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditLog } from './use-audit';

/**
 * The audit trail's journal (ACC-4): who viewed or changed what and when, newest first, filtered
 * by user, section, action and period (all in the URL), a server page at a time.
 */
export function AuditLogPage({ search }: { search: AuditSearch }) {
  const m = useAuditMessages();
  return (
    <AuditFrame tab="log" period={search} intro={m.log.intro}>
      <AuditLog search={search} />
    </AuditFrame>
  );
}

function AuditLog({ search }: { search: AuditSearch }) {
  const m = useAuditMessages();
  const { t } = useI18n();
  const go = useAuditNavigate<AuditSearch>('log');
  const ownIssue = periodIssue(search);
  const log = useAuditLog(search, !ownIssue);
  const issue = ownIssue ?? (isPeriodRejected(log.error) ? 'tooLong' : undefined);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = hasAuditFilters(search);

  return (
    <>
      <LogFilters search={search} issue={issue} onChange={(changes) => go({ ...search, ...changes })} onReset={() => go({})} />
      {issue ? null : log.isPending ? (
        <LoadingState text={m.log.loading} />
      ) : log.isError && entries.length === 0 ? (
        <LoadFailed error={log.error} retry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState title={filtered ? m.log.emptyFiltered : m.log.empty}>
          {filtered ? (
            <button type="button" className="button" onClick={() => go({})}>
              {m.filters.reset}
            </button>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <AuditTable
            caption={m.log.caption}
            columns={[m.log.at, m.log.actor, m.log.action, m.log.subject, m.log.record, m.log.route, m.log.status, m.log.ip].map((label) => ({ label }))}
            busy={log.isFetching && !log.isFetchingNextPage}
            testId="audit-table"
          >
            {entries.map((entry) => (
              <AuditRow key={entry.id} entry={entry} />
            ))}
          </AuditTable>
          {log.isFetchNextPageError ? <ErrorNotice>{apiErrorMessage(log.error, t)}</ErrorNotice> : null}
          <div className="audit-more">
            <p className="muted" aria-live="polite">
              {m.log.shown(entries.length)}
              {log.hasNextPage ? null : ` · ${m.log.all}`}
            </p>
            {log.hasNextPage ? (
              <button type="button" className="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage} data-testid="audit-more">
                {log.isFetchingNextPage ? <Spinner size="sm" /> : null}
                {log.isFetchingNextPage ? m.log.loadingMore : m.log.loadMore}
              </button>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const m = useAuditMessages();
  const { format } = useI18n();
  const userName = useUserName();
  const href = entry.action === 'delete' ? undefined : recordHrefOf(entry.subject, entry.recordId);
  return (
    <tr data-testid="audit-row" data-id={entry.id}>
      <td className="audit-nowrap">
        <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
      </td>
      <td>{actorLabel(entry.actor, userName, m.apiKey)}</td>
      <td>{m.actions[entry.action] ?? entry.action}</td>
      <td>{subjectLabel(m, entry.subject)}</td>
      <td>
        {href ? (
          <AppLink href={href} title={m.log.openRecord(entry.recordId ?? '')} testId="audit-record-link">
            <code className="audit-code">{entry.recordId}</code>
          </AppLink>
        ) : entry.recordId ? (
          <code className="audit-code">{entry.recordId}</code>
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <code className="audit-code break">{entry.route}</code>
        {entry.query && Object.keys(entry.query).length > 0 ? <span className="cell-sub break">{queryText(entry.query)}</span> : null}
      </td>
      <td className={entry.outcome === 'denied' ? 'audit-status audit-status-failed' : 'audit-status'}>{entry.outcome === 'denied' ? m.log.denied : m.log.allowed}</td>
      <td className="audit-nowrap">{entry.sourceIp ?? <span className="muted">—</span>}</td>
    </tr>
  );
}
