import { useState } from 'react';

/**
 * The records chosen in a list, for a bulk action (the transfer of ownership): by id, each with
 * the name it showed under, so that an outcome can name records no longer on the page. The
 * choice outlives paging (a page holds 25, a transfer takes more) and is kept in insertion order.
 */
export type RowSelection = ReadonlyMap<string, string>;

export interface SelectableRow {
  id: string;
  label: string;
}

/** Puts the rows in or takes them out. */
export function selectRows(selection: RowSelection, rows: readonly SelectableRow[], selected: boolean): RowSelection {
  const next = new Map(selection);
  for (const row of rows) {
    if (selected) next.set(row.id, row.label);
    else next.delete(row.id);
  }
  return next;
}

export function withoutRows(selection: RowSelection, ids: Iterable<string>): RowSelection {
  const next = new Map(selection);
  for (const id of ids) next.delete(id);
  return next;
}

/** How much of a page is chosen: its header checkbox is off, mixed or on. */
export function pageSelectionState(selection: RowSelection, pageIds: readonly string[]): 'none' | 'some' | 'all' {
  const chosen = pageIds.filter((id) => selection.has(id)).length;
  return chosen === 0 ? 'none' : chosen === pageIds.length ? 'all' : 'some';
}

const empty: RowSelection = new Map();

export function useRowSelection() {
  const [selection, setSelection] = useState<RowSelection>(empty);
  return {
    selection,
    select: (rows: readonly SelectableRow[], selected: boolean) => setSelection((current) => selectRows(current, rows, selected)),
    remove: (ids: Iterable<string>) => setSelection((current) => withoutRows(current, ids)),
    clear: () => setSelection(empty),
  };
}
