import type { ReactNode } from 'react';

/** The audit pages' tables: a caption for screen readers, the column heads, the rows given. */
export interface AuditColumn {
  label: string;
  numeric?: boolean;
}

interface AuditTableProps {
  caption: string;
  columns: readonly AuditColumn[];
  busy?: boolean;
  testId: string;
  children: ReactNode;
}

export function AuditTable({ caption, columns, busy = false, testId, children }: AuditTableProps) {
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table audit-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={column.numeric ? 'audit-number' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
