import type { ReactNode } from 'react';

/** Nothing to show, said plainly, with an optional hint or action. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}
