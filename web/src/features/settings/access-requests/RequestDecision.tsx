import type { AccessRequest } from '@shared/api/contracts';
import { useI18n } from '../../../i18n/use-i18n';
import { useUserName } from '../../../api/use-users';
import { useAccessRequestsMessages } from './access-requests-messages';
import './access-requests.css';

/** A request's status as a badge; once decided, who decided and when, and their comment. */
export function RequestDecision({ request }: { request: AccessRequest }) {
  const m = useAccessRequestsMessages();
  const { format } = useI18n();
  const userName = useUserName();
  const { decidedBy, decidedAt, note } = request;
  return (
    <div className="ar-decision" data-testid="access-request-status" data-status={request.status}>
      <span className={`badge ar-badge-${request.status}`}>{m.statuses[request.status]}</span>
      {decidedAt ? (
        <span className="cell-sub" data-testid="access-request-decided">
          {m.decided(decidedBy ? decidedBy.name || userName(decidedBy.id) : '—', format.dateTime(decidedAt))}
        </span>
      ) : null}
      {note ? <span className="cell-sub break">{m.note(note)}</span> : null}
    </div>
  );
}
