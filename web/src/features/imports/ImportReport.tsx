import { useEffect, useMemo, useState } from 'react';
import { duplicatePolicies, type DuplicatePolicy, type ImportCounts, type ImportJob, type ImportPhase, type ImportRow, type RowOutcome } from '@shared/domain/imports/import-job';
import { importFieldsOf } from '@shared/domain/transfer/import-fields';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { LoadFailed } from '../../ui/LoadFailed';
import { ActionError } from './ActionError';
import { useImportMessages } from './import-messages';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { useCustomFields, useImportAction, useReportRows } from './use-imports';

/**
 * The rows report of a phase, one outcome per tab: invalid rows with their problems, duplicates
 * with the records they matched (and, after the dry run, a choice per row), imported rows with a
 * link to their record. Pages of 50 are loaded on demand.
 */
interface ImportReportProps {
  job: ImportJob;
  phase: ImportPhase;
  outcomes: RowOutcome[];
  counts: ImportCounts;
  /** Per-row duplicate choices may be changed (the dry run's report while the job is checked). */
  editable: boolean;
  title: string;
}

export function ImportReport({ job, phase, outcomes, counts, editable, title }: ImportReportProps) {
  const m = useImportMessages();
  const { format } = useI18n();
  const words = phase === 'check' ? m.checkCounts : m.counts;
  const initial = useMemo(() => {
    if (phase === 'import' && counts.created > 0) return 'created';
    if (counts.invalid > 0 && outcomes.includes('invalid')) return 'invalid';
    const policyOutcome: RowOutcome = job.duplicatePolicy === 'skip' ? 'skipped' : job.duplicatePolicy === 'update' ? 'updated' : 'created';
    if (phase === 'check' && counts.duplicates > 0 && counts[policyOutcome] > 0) return policyOutcome;
    return outcomes.find((outcome) => counts[outcome] > 0) ?? outcomes[0]!;
  }, [counts, outcomes, job.duplicatePolicy, phase]);
  const [outcome, setOutcome] = useState<RowOutcome>(initial);
  const tabId = (value: RowOutcome) => `import-report-${phase}-${value}`;

  return (
    <section className="transfer-report" aria-labelledby={`import-report-${phase}-title`}>
      <h3 id={`import-report-${phase}-title`}>{title}</h3>
      <div className="transfer-tabs" role="tablist" aria-label={title}>
        {outcomes.map((value) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={tabId(value)}
            aria-selected={value === outcome}
            aria-controls={`${tabId(value)}-panel`}
            className={value === outcome ? 'transfer-tab transfer-tab-on' : 'transfer-tab'}
            data-testid={`import-report-tab-${value}`}
            onClick={() => setOutcome(value)}
          >
            {words[value]} <span className="transfer-tab-count">{format.number(counts[value])}</span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${tabId(outcome)}-panel`} aria-labelledby={tabId(outcome)}>
        <ReportRows key={outcome} job={job} phase={phase} outcome={outcome} editable={editable} />
      </div>
    </section>
  );
}

function ReportRows({ job, phase, outcome, editable }: { job: ImportJob; phase: ImportPhase; outcome: RowOutcome; editable: boolean }) {
  const m = useImportMessages();
  const { locale } = useI18n();
  const rows = useReportRows(job, phase, outcome);
  const custom = useCustomFields(job.recordType);
  const fieldLabel = useMemo(() => {
    const labels = new Map(importFieldsOf(job.recordType, custom.data?.fields ?? []).map((f) => [f.key, f.label[locale]]));
    return (key: string) => labels.get(key) ?? key;
  }, [job.recordType, custom.data, locale]);
  const setAction = useImportAction(job.id, (api, vars: { version: number; rowActions: Record<string, DuplicatePolicy> }) =>
    api.configure(job.id, { version: vars.version, rowActions: vars.rowActions }),
  );

  // The choice shows at once; the saved job confirms it, a failure puts the saved one back.
  const [pending, setPending] = useState<Record<string, DuplicatePolicy> | null>(null);
  const items: ImportRow[] = useMemo(() => rows.data?.pages.flatMap((page) => page.items) ?? [], [rows.data]);
  const { hasNextPage, isFetching, fetchNextPage } = rows;
  const pageCount = rows.data?.pages.length ?? 0;
  // The API filters after reading a page: a page of another outcome's rows comes back empty. Read on a little by itself.
  useEffect(() => {
    if (hasNextPage && !isFetching && items.length < 20 && pageCount > 0 && pageCount < 10) void fetchNextPage();
  }, [hasNextPage, isFetching, items.length, pageCount, fetchNextPage]);

  if (rows.isPending) return <LoadingState text={m.report.loading} />;
  if (rows.isError) return <LoadFailed error={rows.error} retry={() => void rows.refetch()} />;
  if (items.length === 0 && !hasNextPage) return <EmptyState title={m.report.empty} />;

  const showIssues = outcome === 'invalid' || outcome === 'failed' || items.some((row) => row.issues?.length);
  const showMatches = items.some((row) => row.matches?.length);
  const showRecord = phase === 'import' && items.some((row) => row.recordId);
  const headerOf = (column: number | undefined) => (column === undefined ? undefined : job.headers?.[column]);
  const currentAction = (row: ImportRow): DuplicatePolicy => (pending ?? job.rowActions)?.[String(row.row)] ?? row.action ?? job.duplicatePolicy;

  return (
    <>
      <ActionError error={setAction.error} />
      <div className="table-wrap" aria-busy={isFetching || setAction.isPending}>
        <table className="table transfer-report-table" data-testid={`import-report-${outcome}`}>
          <thead>
            <tr>
              <th scope="col">{m.report.row}</th>
              {showIssues ? <th scope="col">{m.report.problems}</th> : null}
              {showMatches ? <th scope="col">{m.report.matches}</th> : null}
              {showMatches ? <th scope="col">{m.report.action}</th> : null}
              {showRecord ? <th scope="col">{m.report.record}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((row) => (
              <tr key={row.row} data-testid="import-report-row" data-row={row.row}>
                <th scope="row" className="cell-nowrap">
                  {row.row}
                </th>
                {showIssues ? (
                  <td>
                    {row.issues?.length ? (
                      <ul className="transfer-issues">
                        {row.issues.map((issue, i) => {
                          const header = headerOf(issue.column);
                          return (
                            <li key={i}>
                              <strong>{fieldLabel(issue.field)}</strong>
                              {header ? <span className="muted"> ({m.report.column(header)})</span> : null}: {m.report.issue(issue.message)}
                            </li>
                          );
                        })}
                      </ul>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
                {showMatches ? (
                  <td>
                    {row.matches?.length ? (
                      <>
                        {row.reason ? <p className="transfer-row-reason">{m.report.reason(row.reason)}</p> : null}
                        <ul className="transfer-matches">
                          {row.matches.map((match, i) => (
                            <li key={match.id ?? `${i}`} data-strength={match.strength}>
                              {match.id ? (
                                <AppLink href={recordPath(job.recordType, match.id)} testId="import-match-link">
                                  {m.report.existing(i + 1)}
                                </AppLink>
                              ) : match.row !== undefined ? (
                                m.report.earlierRow(match.row)
                              ) : (
                                m.report.hiddenRecord
                              )}{' '}
                              <span className="muted">
                                ({match.reasons.map((reason) => m.reasons[reason] ?? reason).join(', ')}
                                {match.acts ? '' : `; ${m.report.weak}`})
                              </span>
                            </li>
                          ))}
                        </ul>
                      </>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
                {showMatches ? (
                  <td>
                    {row.matches?.length && editable ? (
                      <select
                        aria-label={m.report.rowAction(row.row)}
                        data-testid="import-row-action"
                        value={currentAction(row)}
                        disabled={setAction.isPending}
                        onChange={(event) => {
                          const rowActions = { ...job.rowActions, [String(row.row)]: event.target.value as DuplicatePolicy };
                          setPending(rowActions);
                          setAction.mutate({ version: job.version, rowActions }, { onSettled: () => setPending(null) });
                        }}
                      >
                        {duplicatePolicies.map((policy) => (
                          <option key={policy} value={policy}>
                            {m.policy[policy]}
                          </option>
                        ))}
                      </select>
                    ) : row.matches?.length ? (
                      m.policy[currentAction(row)]
                    ) : null}
                  </td>
                ) : null}
                {showRecord ? (
                  <td>
                    {row.recordId ? (
                      <AppLink href={recordPath(job.recordType, row.recordId)} testId="import-record-link">
                        {m.report.open}
                      </AppLink>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {setAction.isPending ? (
        <p className="transfer-working" role="status">
          <Spinner size="sm" /> {m.report.saving}
        </p>
      ) : null}
      {hasNextPage ? (
        <div className="transfer-more">
          <button type="button" className="button" disabled={isFetching} onClick={() => void fetchNextPage()}>
            {isFetching ? <Spinner size="sm" /> : null}
            {m.more}
          </button>
        </div>
      ) : null}
    </>
  );
}
