import { useEffect, useId, useRef, useState } from 'react';
import { useRecordsMessages } from '../records-messages';
import type { RecordColumn } from './columns';

/** "Колонки": a popover of checkboxes, one per column; Escape or a click elsewhere closes it. */
interface ColumnChooserProps<T> {
  columns: RecordColumn<T>[];
  isVisible: (column: RecordColumn<T>) => boolean;
  onToggle: (id: string, show: boolean) => void;
  onReset: () => void;
}

export function ColumnChooser<T>({ columns, isVisible, onToggle, onReset }: ColumnChooserProps<T>) {
  const m = useRecordsMessages();
  const id = useId();
  const [open, setOpen] = useState(false);
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  return (
    <div
      className="column-chooser"
      ref={wrapRef}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault();
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={open ? `${id}-panel` : undefined}
        data-testid="columns-button"
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true">▦</span> {m.list.columns}
      </button>
      {open ? (
        <div className="column-chooser-panel" id={`${id}-panel`} data-testid="columns-panel">
          <fieldset>
            <legend>{m.list.columnsHint}</legend>
            {columns.map((column) => (
              <label key={column.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={isVisible(column)}
                  disabled={column.required}
                  data-testid={`column-${column.id}`}
                  onChange={(event) => onToggle(column.id, event.target.checked)}
                />
                {column.label}
              </label>
            ))}
          </fieldset>
          <button type="button" className="button button-link" onClick={onReset}>
            {m.list.resetColumns}
          </button>
        </div>
      ) : null}
    </div>
  );
}
