import { useState, type FormEvent } from 'react';
import { rejectLeadSchema, type Lead } from '@shared/domain/leads/lead';
import { isOpenStatus, rejectionReasons, type RejectionReason } from '@shared/domain/leads/lead-process';
import { isApiError } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { Dialog } from '../../../ui/Dialog';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { apiErrorMessage } from '../../../api/api-error-message';
import { useLead, useRejectLead } from '../shared/use-lead';

/** Reject a lead at its current stage, with a reason (required) and a comment. */
export function RejectLeadDialog({ lead, open, onClose }: { lead: Lead; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={open} title={t.reject.title} onClose={onClose} testId="reject-dialog">
      <RejectLeadForm lead={lead} onDone={onClose} />
    </Dialog>
  );
}

function RejectLeadForm({ lead, onDone }: { lead: Lead; onDone: () => void }) {
  const { t } = useI18n();
  const reject = useRejectLead(lead.id);
  const { refetch } = useLead(lead.id);
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [comment, setComment] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = rejectLeadSchema.safeParse({ version: lead.version, reason: reason || undefined, ...(comment.trim() ? { comment } : {}) });
    if (!parsed.success) {
      setReasonError(t.reject.reasonRequired);
      return;
    }
    setReasonError(undefined);
    reject.mutate(parsed.data, { onSuccess: onDone });
  }

  const conflict = isApiError(reject.error) && reject.error.isConflict;
  const stage = isOpenStatus(lead.status) ? t.statuses[lead.status] : lead.status;
  return (
    <form onSubmit={submit} noValidate className="dialog-form">
      <p>{t.reject.text(stage)}</p>
      {reject.isError ? (
        <ErrorNotice
          action={
            conflict ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  reject.reset();
                  void refetch();
                }}
              >
                {t.form.reload}
              </button>
            ) : undefined
          }
        >
          {conflict ? t.form.conflict : apiErrorMessage(reject.error, t)}
        </ErrorNotice>
      ) : null}
      <Field id="reject-reason" label={t.reject.reason} error={reasonError} required>
        {(aria) => (
          <select {...aria} name="reason" data-testid="reject-reason" value={reason} autoFocus onChange={(event) => setReason(event.target.value as RejectionReason | '')}>
            <option value="">{t.reject.chooseReason}</option>
            {rejectionReasons.map((value) => (
              <option key={value} value={value}>
                {t.rejectionReasons[value]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="reject-comment" label={t.reject.comment} hint={t.reject.commentHint}>
        {(aria) => (
          <textarea {...aria} name="comment" rows={3} maxLength={2000} data-testid="reject-comment" value={comment} onChange={(event) => setComment(event.target.value)} />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-danger" disabled={reject.isPending} data-testid="reject-submit">
          {reject.isPending ? <Spinner size="sm" /> : null}
          {reject.isPending ? t.reject.submitting : t.reject.submit}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t.reject.cancel}
        </button>
      </div>
    </form>
  );
}
