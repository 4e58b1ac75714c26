import { useId } from 'react';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { AppLink } from '../../../ui/AppLink';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useUserName } from '../../../api/use-users';
import { listHrefOf, queryText, topBars, usageHintOf } from './audit-describe';
import { isPeriodRejected } from './audit-errors';
import { useAuditMessages } from './audit-messages';
import { periodIssue, type PeriodSearch } from './audit-search';
import type { UsageItem } from './audit-types';
import { AuditFrame, useAuditNavigate } from './AuditFrame';
import { UsageFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditUsage } from './use-audit';

/**
 * Repeated queries (ACC-4 usage monitoring): identical calls repeated within a period, the top
 * ones as bars, then all of them with a hint each (the same filtered list again and again → a
 * saved list is needed).
 */
const chartSize = 10;

const usageKey = (item: UsageItem): string => `${item.actorId} ${item.route} ${queryText(item.query)}`;

export function AuditUsagePage({ search }: { search: PeriodSearch }) {
  const m = useAuditMessages();
  return (
    <AuditFrame tab="usage" period={search} intro={m.usage.intro}>
      <AuditUsage search={search} />
    </AuditFrame>
  );
}

function AuditUsage({ search }: { search: PeriodSearch }) {
  const m = useAuditMessages();
  const go = useAuditNavigate<PeriodSearch>('usage');
  const ownIssue = periodIssue(search);
  const usage = useAuditUsage(search, !ownIssue);
  const issue = ownIssue ?? (isPeriodRejected(usage.error) ? 'tooLong' : undefined);

  return (
    <>
      <UsageFilters period={search} issue={issue} onChange={(changes) => go({ ...search, ...changes })} />
      {issue ? null : usage.isPending ? (
        <LoadingState text={m.usage.loading} />
      ) : usage.isError ? (
        <LoadFailed error={usage.error} retry={() => void usage.refetch()} />
      ) : usage.data.items.length === 0 ? (
        <EmptyState title={m.usage.empty} />
      ) : (
        <>
          <UsageChart items={usage.data.items} />
          <UsageTable items={usage.data.items} />
        </>
      )}
    </>
  );
}

/** Horizontal bars, drawn with CSS: one per call, its length the share of the most repeated. */
function UsageChart({ items }: { items: readonly UsageItem[] }) {
  const m = useAuditMessages();
  const userName = useUserName();
  const titleId = useId();
  const bars = topBars(items, chartSize);
  return (
    <figure className="usage-chart" aria-labelledby={titleId} data-testid="audit-usage-chart">
      <figcaption id={titleId} className="usage-chart-title">
        <strong>{m.usage.chartTitle}</strong> <span className="muted">{m.usage.chartHint(bars.length)}</span>
      </figcaption>
      <ol className="usage-bars">
        {bars.map(({ item, share }) => {
          const query = queryText(item.query);
          return (
            <li key={usageKey(item)} className="usage-bar-row" data-testid="audit-usage-bar">
              <span className="usage-bar-label">
                <span className="usage-bar-actor">{userName(item.actorId)}</span>
                <code className="audit-code break">
                  {item.route}
                  {query ? ` ? ${query}` : ''}
                </code>
              </span>
              <span className="usage-bar-track" aria-hidden="true">
                <span className="usage-bar-fill" style={{ width: `${Math.max(share * 100, 1)}%` }} />
              </span>
              <span className="usage-bar-count">{m.usage.times(item.count)}</span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}

function UsageTable({ items }: { items: readonly UsageItem[] }) {
  const m = useAuditMessages();
  return (
    <AuditTable
      caption={m.usage.caption}
      columns={[{ label: m.usage.actor }, { label: m.usage.route }, { label: m.usage.query }, { label: m.usage.count, numeric: true }, { label: m.usage.lastAt }, { label: m.usage.hint }]}
      testId="audit-usage-table"
    >
      {items.map((item) => (
        <UsageRow key={usageKey(item)} item={item} />
      ))}
    </AuditTable>
  );
}

function UsageRow({ item }: { item: UsageItem }) {
  const m = useAuditMessages();
  const { format } = useI18n();
  const userName = useUserName();
  const hint = usageHintOf(item.route, item.query);
  const listHref = hint === 'saved-list' ? listHrefOf(item.route, item.query) : undefined;
  const query = queryText(item.query);
  return (
    <tr data-testid="audit-usage-row" data-hint={hint}>
      <td>{userName(item.actorId)}</td>
      <td>
        <code className="audit-code break">{item.route}</code>
      </td>
      <td>{query ? <code className="audit-code break">{query}</code> : <span className="muted">{m.usage.noQuery}</span>}</td>
      <td className="audit-number">{format.number(item.count)}</td>
      <td className="audit-nowrap">
        <time dateTime={item.lastAt}>{format.dateTime(item.lastAt)}</time>
      </td>
      <td className={hint === 'saved-list' ? 'usage-hint usage-hint-strong' : 'usage-hint'}>
        {m.usage.hints[hint]}
        {listHref ? (
          <>
            {' '}
            <AppLink href={listHref} testId="audit-usage-open-list">
              {m.usage.openList}
            </AppLink>
          </>
        ) : null}
      </td>
    </tr>
  );
}
