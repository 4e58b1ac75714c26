import type { ReactNode } from 'react';

/** An error the user should read, announced at once; optionally with a way out (retry, reload). */
export function ErrorNotice({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert" tabIndex={-1}>
      <div className="notice-text">{children}</div>
      {action ? <div className="notice-action">{action}</div> : null}
    </div>
  );
}
