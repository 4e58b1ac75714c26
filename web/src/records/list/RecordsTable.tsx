import { useId } from 'react';
import type { RecordSort } from '@shared/domain/records/record-list';
import { useGoTo } from '../../ui/AppLink';
import { useRecordsMessages } from '../records-messages';
import type { RecordColumn } from './columns';
import { pageSelectionState, type RowSelection } from './row-selection';

/**
 * One page of records. Headers of sortable columns toggle the server's sort (name, created);
 * a row opens its record on click, and the name cell holds the keyboard-reachable link. Given a
 * selection, each row has a checkbox («Выбрать», described by the row's first cell) and the
 * header one for the whole page.
 */
export interface TableSelection<T> {
  selected: RowSelection;
  onSelect: (records: T[], selected: boolean) => void;
}

interface RecordsTableProps<T extends { id: string }> {
  records: T[];
  columns: RecordColumn<T>[];
  sort: RecordSort;
  onSort: (sort: RecordSort) => void;
  rowHref: (record: T) => string;
  caption: string;
  /** A new page or order is on its way: the rows shown are the previous ones. */
  busy: boolean;
  selection?: TableSelection<T> | undefined;
  testId?: string;
}

export function RecordsTable<T extends { id: string }>({ records, columns, sort, onSort, rowHref, caption, busy, selection, testId = 'records-table' }: RecordsTableProps<T>) {
  const m = useRecordsMessages();
  const goTo = useGoTo();
  const cellId = useId();
  const pageState = selection ? pageSelectionState(selection.selected, records.map((record) => record.id)) : 'none';

  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table records-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection ? (
              <th scope="col" className="cell-select">
                <input
                  type="checkbox"
                  aria-label={m.list.selectPage}
                  data-testid="select-page"
                  checked={pageState === 'all'}
                  ref={(input) => {
                    if (input) input.indeterminate = pageState === 'some';
                  }}
                  onChange={(event) => selection.onSelect(records, event.target.checked)}
                />
              </th>
            ) : null}
            {columns.map((column) => {
              if (!column.sort) {
                return (
                  <th key={column.id} scope="col" className={column.className}>
                    {column.label}
                  </th>
                );
              }
              const key = column.sort;
              const active = sort === key || sort === `-${key}`;
              const ascending = sort === key;
              // First click: names A→Z, dates newest first.
              const nextSort: RecordSort = active ? (ascending ? `-${key}` : key) : key === 'name' ? 'name' : '-createdAt';
              return (
                <th key={column.id} scope="col" className={column.className} aria-sort={active ? (ascending ? 'ascending' : 'descending') : 'none'}>
                  <button
                    type="button"
                    className="sort-button"
                    data-testid={`sort-${column.id}`}
                    onClick={() => onSort(nextSort)}
                    title={nextSort.startsWith('-') ? m.list.sortDescending : m.list.sortAscending}
                  >
                    {column.label}
                    <span className={active ? 'sort-arrow' : 'sort-arrow sort-arrow-idle'} aria-hidden="true">
                      {active ? (ascending ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr
              key={record.id}
              className={selection?.selected.has(record.id) ? 'lead-row record-row record-row-selected' : 'lead-row record-row'}
              data-testid="record-row"
              onClick={(event) => {
                // Let links, buttons, checkboxes and selections inside the row behave as themselves.
                if ((event.target as HTMLElement).closest('a, button, input, select, label') || window.getSelection()?.toString()) return;
                goTo(rowHref(record));
              }}
            >
              {selection ? (
                <td className="cell-select">
                  <label className="cell-select-hit">
                    <input
                      type="checkbox"
                      aria-label={m.list.select}
                      aria-describedby={`${cellId}-${record.id}`}
                      data-testid="select-row"
                      checked={selection.selected.has(record.id)}
                      onChange={(event) => selection.onSelect([record], event.target.checked)}
                    />
                  </label>
                </td>
              ) : null}
              {columns.map((column, index) => (
                <td key={column.id} className={column.className} id={selection && index === 0 ? `${cellId}-${record.id}` : undefined}>
                  {column.cell(record)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
