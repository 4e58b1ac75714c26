import type { ImportJob } from '@shared/domain/imports/import-job';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { LoadFailed } from '../../ui/LoadFailed';
import { useImportMessages } from './import-messages';
import { AppLink } from '../../ui/AppLink';
import { useImportsList } from './use-imports';
import '../../styles/transfer.css';

/** Past and running imports, newest first, and the way to a new one. */
export function ImportsPage() {
  const m = useImportMessages();
  useDocumentTitle(m.listTitle);
  const list = useImportsList();
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="page page-wide transfer-page" aria-labelledby="imports-title">
      <header className="page-header">
        <h1 id="imports-title">{m.listTitle}</h1>
        <AppLink href="/imports/new" className="button button-primary" testId="new-import">
          <span aria-hidden="true">+</span> {m.newImport}
        </AppLink>
      </header>
      {list.isPending ? (
        <LoadingState text={m.loadingList} />
      ) : list.isError ? (
        <LoadFailed error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={m.empty}>
          <p className="muted">{m.emptyHint}</p>
        </EmptyState>
      ) : (
        <>
          <ImportsTable items={items} busy={list.isFetching && !list.isFetchingNextPage} />
          {list.hasNextPage ? (
            <div className="transfer-more">
              <button type="button" className="button" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? <Spinner size="sm" /> : null}
                {m.more}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function ImportsTable({ items, busy }: { items: ImportJob[]; busy: boolean }) {
  const m = useImportMessages();
  const { format } = useI18n();
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table transfer-imports-table" data-testid="imports-table">
        <caption className="visually-hidden">{m.listCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.columns.file}</th>
            <th scope="col">{m.columns.type}</th>
            <th scope="col">{m.columns.status}</th>
            <th scope="col" className="transfer-number">
              {m.columns.rows}
            </th>
            <th scope="col">{m.columns.result}</th>
            <th scope="col">{m.columns.created}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((job) => {
            const counts = job.progress?.phase === 'import' ? job.progress.counts : undefined;
            return (
              <tr key={job.id} data-testid="import-row">
                <td className="cell-name">
                  <AppLink href={`/imports/${encodeURIComponent(job.id)}`} className="break">
                    {job.fileName}
                  </AppLink>
                </td>
                <td>{m.types[job.recordType]}</td>
                <td>
                  <span className={`badge transfer-status transfer-status-${job.status}`}>{m.statuses[job.status]}</span>
                </td>
                <td className="transfer-number">{job.rowCount !== undefined ? format.number(job.rowCount) : <span className="muted">—</span>}</td>
                <td className="transfer-result-cell">
                  {counts ? (
                    <span>
                      {m.counts.created}: {format.number(counts.created)} · {m.counts.updated}: {format.number(counts.updated)} · {m.counts.skipped}:{' '}
                      {format.number(counts.skipped)}
                      {counts.invalid + counts.failed > 0 ? ` · ${m.counts.invalid}: ${format.number(counts.invalid + counts.failed)}` : ''}
                    </span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="cell-nowrap">
                  <time dateTime={job.createdAt} title={format.dateTime(job.createdAt)}>
                    {format.shortDate(job.createdAt)}
                  </time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
