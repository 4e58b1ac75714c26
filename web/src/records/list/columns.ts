import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';

/**
 * A record list's columns: the feature's own and one per custom field (shown by default when the
 * admin marked it `inList`). Which are shown is the user's choice, kept per list in localStorage.
 */
export interface RecordColumn<T> {
  id: string;
  label: string;
  cell: (record: T) => ReactNode;
  /** A header that sorts the list (`name`/`-name`, `createdAt`/`-createdAt`). */
  sort?: 'name' | 'createdAt';
  /** Shown until the user says otherwise; true when absent. */
  defaultVisible?: boolean;
  /** Always shown (the name that opens the record). */
  required?: boolean;
  className?: string;
}

interface StoredColumns {
  visible: string[];
  hidden: string[];
}

const storageKey = (listId: string) => `crm.columns.${listId}`;

function readStored(listId: string): StoredColumns {
  try {
    const raw = window.localStorage.getItem(storageKey(listId));
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (parsed && typeof parsed === 'object') {
      const { visible, hidden } = parsed as Partial<StoredColumns>;
      return { visible: Array.isArray(visible) ? visible.filter((v) => typeof v === 'string') : [], hidden: Array.isArray(hidden) ? hidden.filter((v) => typeof v === 'string') : [] };
    }
  } catch {
    // Storage unavailable or garbled: the defaults.
  }
  return { visible: [], hidden: [] };
}

function writeStored(listId: string, stored: StoredColumns | undefined): void {
  try {
    if (stored) window.localStorage.setItem(storageKey(listId), JSON.stringify(stored));
    else window.localStorage.removeItem(storageKey(listId));
  } catch {
    // Not persisted; the choice still holds for this page.
  }
}

export function usePersistentColumns<T>(listId: string, columns: RecordColumn<T>[]) {
  const [stored, setStored] = useState<StoredColumns>(() => readStored(listId));
  const isVisible = useCallback(
    (column: RecordColumn<T>) => column.required || stored.visible.includes(column.id) || (!stored.hidden.includes(column.id) && column.defaultVisible !== false),
    [stored],
  );
  const visible = useMemo(() => columns.filter(isVisible), [columns, isVisible]);
  return {
    visible,
    isVisible,
    toggle: (id: string, show: boolean) =>
      setStored((current) => {
        const next = {
          visible: show ? [...current.visible.filter((v) => v !== id), id] : current.visible.filter((v) => v !== id),
          hidden: show ? current.hidden.filter((v) => v !== id) : [...current.hidden.filter((v) => v !== id), id],
        };
        writeStored(listId, next);
        return next;
      }),
    reset: () => {
      writeStored(listId, undefined);
      setStored({ visible: [], hidden: [] });
    },
  };
}

/** One column per custom field, its value in words. */
export function customColumns<T extends { custom?: Record<string, unknown> }>(fields: readonly CustomField[], describe: (field: CustomField, value: unknown) => ReactNode): RecordColumn<T>[] {
  return fields.map((field) => ({
    id: `custom.${field.key}`,
    label: field.label,
    defaultVisible: field.inList,
    cell: (record: T) => describe(field, record.custom?.[field.key]),
  }));
}
