import { useId, useState } from 'react';
import type { AccessRequest } from '@shared/api/contracts';
import { Field } from '../../../ui/Field';
import { FormDialog } from '../../../ui/FormDialog';
import { maxNoteLength } from './access-requests';
import { useAccessRequestsMessages } from './access-requests-messages';

/** Granting or declining a request (admins): what follows in words, and an optional comment mailed with the decision. */
interface DecideDialogProps {
  request: AccessRequest;
  grant: boolean;
  name: string;
  roles: string;
  busy: boolean;
  failure: string | undefined;
  onDecide: (note: string) => void;
  onClose: () => void;
}

export function DecideDialog({ request, grant, name, roles, busy, failure, onDecide, onClose }: DecideDialogProps) {
  const m = useAccessRequestsMessages();
  const id = useId();
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={grant ? m.grantTitle : m.declineTitle}
      intro={(grant ? m.grantText : m.declineText)(name, roles)}
      failure={failure}
      submit={grant ? m.grantConfirm : m.declineConfirm}
      submitting={m.deciding}
      busy={busy}
      danger={!grant}
      cancel={m.cancel}
      onSubmit={() => onDecide(note.trim())}
      onClose={onClose}
      testId={grant ? 'access-request-grant-dialog' : 'access-request-decline-dialog'}
    >
      <Field id={`${id}-note`} label={m.noteLabel} hint={m.noteHint}>
        {(aria) => <textarea {...aria} rows={3} maxLength={maxNoteLength} value={note} onChange={(event) => setNote(event.target.value)} data-testid="access-request-note" data-request-id={request.id} />}
      </Field>
    </FormDialog>
  );
}
