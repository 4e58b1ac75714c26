import { useId, useMemo, useState, type ReactNode } from 'react';
import type { CustomizableType } from '@shared/domain/custom-fields/custom-field';
import type { ExportType } from '@shared/domain/exports/export-job';
import type { RecordSort } from '@shared/domain/records/record-list';
import { useDocumentTitle } from '../../app/use-document-title';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import { ExportButton } from '../exports/ExportButton';
import { AppLink } from '../../ui/AppLink';
import { LoadFailed } from '../../ui/LoadFailed';
import { customValueText } from '../custom/custom-value';
import { useCustomFields } from '../custom/use-custom-fields';
import { useRecordsMessages } from '../records-messages';
import { SelectionBar } from '../transfer/SelectionBar';
import { TransferDialog } from '../transfer/TransferDialog';
import { transferResourceOf } from '../transfer/transfer-run';
import { ColumnChooser } from './ColumnChooser';
import { customColumns, usePersistentColumns, type RecordColumn } from './columns';
import { filtersOf, hasFilters, withoutFilters, type RecordsSearch } from './records-search';
import { RecordsFilters, type SelectFilter } from './RecordsFilters';
import { RecordsPager } from './RecordsPager';
import { RecordsTable, type TableSelection } from './RecordsTable';
import { useRowSelection } from './row-selection';
import { useRecordsPage } from './use-records-page';
import '../../styles/records.css';

/**
 * A record type's list page: filters (status, owner, custom selects and yes/no), a column
 * chooser, a server-sorted and server-paged table, export of the filtered list, and the way to a
 * new record. All of its state is in the URL (`search`, validated by `recordsSearchValidator`).
 * Whoever may transfer the type's records (ACC-2) also chooses rows, across pages, and gives them
 * to another owner; the choice is the page's own, not the URL's.
 */
export interface RecordListPageProps<T extends { id: string; custom?: Record<string, unknown> }> {
  /** Names the column choice in localStorage. */
  listId: string;
  /** API resource: `/api/{resource}`. */
  resource: string;
  /** For the export. */
  recordType: ExportType;
  /** For custom field columns and filters. */
  customType?: CustomizableType;
  /** The list's own path, for navigation between pages and filters. */
  basePath: string;
  search: RecordsSearch;
  title: string;
  caption: string;
  newHref?: string;
  newLabel?: string;
  statuses: { value: string; label: string }[];
  /** The status filter's name, where the list's status is called otherwise (a deal's stage). */
  statusLabel?: string;
  /** The list's own select filters (a lead's channel). */
  selects?: readonly SelectFilter[];
  columns: RecordColumn<T>[];
  rowHref: (record: T) => string;
  /** A record's name, for a transfer's outcome; its id when absent. */
  recordName?: (record: T) => string;
  emptyHint?: ReactNode;
  testId?: string;
}

export function RecordListPage<T extends { id: string; custom?: Record<string, unknown> }>(props: RecordListPageProps<T>) {
  const { format, locale } = useI18n();
  const m = useRecordsMessages();
  const titleId = useId();
  useDocumentTitle(props.title);
  const list = useRecordsPage<T>(props.resource, props.basePath, props.search);
  const { data, isPending, isError, error, refetch, isFetching } = list.page;
  const { data: custom } = useCustomFields(props.customType ?? 'account', Boolean(props.customType));
  const customFields = useMemo(() => (props.customType ? (custom?.fields ?? []) : []), [props.customType, custom]);
  const allColumns = useMemo(
    () => [
      ...props.columns,
      ...customColumns<T>(customFields, (field, value) => customValueText(field, value, { m, format, locale }) ?? <span className="muted">—</span>),
    ],
    [props.columns, customFields, m, format, locale],
  );
  const columns = usePersistentColumns(props.listId, allColumns);
  const filtered = hasFilters(props.search);
  const exportFilters = useMemo(() => ({ ...filtersOf(props.search), sort: props.search.sort ?? '-createdAt' }), [props.search]);
  const sort: RecordSort = props.search.sort ?? '-createdAt';
  const can = useCan();
  const transferResource = transferResourceOf(props.resource);
  const mayTransfer = transferResource !== undefined && can(transferResource, 'transfer');
  const rows = useRowSelection();
  const [transferring, setTransferring] = useState(false);
  const nameOf = props.recordName ?? ((record: T) => record.id);
  const selection: TableSelection<T> | undefined = mayTransfer
    ? { selected: rows.selection, onSelect: (records, selected) => rows.select(records.map((record) => ({ id: record.id, label: nameOf(record) })), selected) }
    : undefined;

  return (
    <section className="page page-wide records-page" aria-labelledby={titleId} data-testid={props.testId}>
      <header className="page-header">
        <h1 id={titleId}>{props.title}</h1>
        <div className="records-toolbar">
          <ExportButton recordType={props.recordType} filters={exportFilters} />
          <ColumnChooser columns={allColumns} isVisible={columns.isVisible} onToggle={columns.toggle} onReset={columns.reset} />
          {props.newHref ? (
            <AppLink href={props.newHref} className="button button-primary" testId="record-new">
              <span aria-hidden="true">+</span> {props.newLabel ?? m.common.create}
            </AppLink>
          ) : null}
        </div>
      </header>

      <RecordsFilters
        search={props.search}
        statuses={props.statuses}
        {...(props.statusLabel ? { statusLabel: props.statusLabel } : {})}
        {...(props.selects ? { selects: props.selects } : {})}
        customFields={customFields}
        onChange={list.change}
        onReset={() => list.replace(withoutFilters(props.search))}
      />

      {mayTransfer && rows.selection.size > 0 ? <SelectionBar count={rows.selection.size} onTransfer={() => setTransferring(true)} onClear={rows.clear} /> : null}
      {transferResource && transferring ? (
        <TransferDialog resource={transferResource} selection={rows.selection} onAnswered={rows.remove} onClose={() => setTransferring(false)} />
      ) : null}

      {isPending ? (
        <LoadingState text={m.list.loading} />
      ) : isError ? (
        <LoadFailed error={error} retry={() => void refetch()} />
      ) : data.items.length === 0 && !props.search.cursor ? (
        <EmptyState title={filtered ? m.list.emptyFiltered : m.list.empty}>
          {filtered ? (
            <button type="button" className="button" onClick={() => list.replace(withoutFilters(props.search))}>
              {m.list.resetFilters}
            </button>
          ) : props.emptyHint ? (
            <p className="muted">{props.emptyHint}</p>
          ) : null}
        </EmptyState>
      ) : (
        <>
          <RecordsTable
            records={data.items}
            columns={columns.visible}
            sort={sort}
            onSort={(next) => list.change({ sort: next === '-createdAt' ? undefined : next })}
            rowHref={props.rowHref}
            caption={props.caption}
            busy={isFetching}
            selection={selection}
          />
          <RecordsPager
            pageNumber={list.pageNumber}
            count={data.items.length}
            hasPrevious={list.hasPrevious}
            hasNext={list.hasNext}
            onPrevious={list.previous}
            onNext={list.next}
          />
        </>
      )}
    </section>
  );
}
