import type { ReactNode } from 'react';

export type DetailRow = [label: string, value: ReactNode];

/** A titled group of label–value pairs; empty values are left out, and an empty group with them. */
export function DetailSection({ title, rows, fallback }: { title: string; rows: DetailRow[]; fallback?: ReactNode }) {
  const present = rows.filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false);
  if (present.length === 0 && !fallback) return null;
  return (
    <section className="detail-section">
      <h2 className="detail-title">{title}</h2>
      {present.length > 0 ? (
        <dl className="detail-list">
          {present.map(([label, value]) => (
            <div className="detail-row" key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="muted">{fallback}</p>
      )}
    </section>
  );
}
