import { useId, useState, type FormEvent } from 'react';
import type { AccessRequest } from '@shared/api/contracts';
import type { Role } from '@shared/auth/roles';
import { refusalOf } from '../../../api/api-error';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useAuthState } from '../../../auth/use-auth';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { focusFirstInvalid } from '../../../ui/FormDialog';
import { LoadingState } from '../../../ui/LoadingState';
import { Spinner } from '../../../ui/Spinner';
import { LoadFailed } from '../../../ui/LoadFailed';
import { RoleChecks } from '../users/RoleChecks';
import { useRefusalText } from '../users/use-refusal-text';
import { useRoleName } from '../users/use-role-names';
import { fileBody, fileProblems, maxReasonLength, openRequestOf, requestableRoles, sortRequests } from './access-requests';
import { useAccessRequestsMessages } from './access-requests-messages';
import { RequestDecision } from './RequestDecision';
import { useAccessRequests, useFileAccessRequest } from './use-access-requests';
import '../../../styles/settings.css';

/**
 * A staff user asks for more access (ACC-5): the roles they do not have yet and why; one open
 * request at a time. Below, their own requests with what was decided.
 */
export function RequestAccessPage() {
  const m = useAccessRequestsMessages();
  const titleId = useId();
  const can = useCan();
  useDocumentTitle(m.own.title);
  return (
    <section className="page settings-page" aria-labelledby={titleId} data-testid="request-access-page">
      <header className="page-header">
        <h1 id={titleId}>{m.own.title}</h1>
      </header>
      <p className="muted settings-intro">{m.own.intro}</p>
      {can('access-requests', 'create') ? (
        <OwnRequests />
      ) : (
        <p className="notice notice-info" data-testid="request-access-forbidden">
          {m.own.forbidden}
        </p>
      )}
    </section>
  );
}

function OwnRequests() {
  const m = useAccessRequestsMessages();
  const { format } = useI18n();
  const roleName = useRoleName();
  const me = useAuthState().user;
  const myId = me?.id ?? '';
  const myRoles = me?.roles ?? [];
  const requests = useAccessRequests();
  const [sent, setSent] = useState(false);
  const headingId = useId();
  // An admin's list holds everyone's: only the user's own are theirs here.
  const mine = sortRequests((requests.data ?? []).filter((request) => request.requester.id === myId));
  const waiting = openRequestOf(mine, myId);
  const choices = requestableRoles(myRoles);

  return (
    <>
      <p data-testid="request-access-current">{m.own.current(myRoles.length ? myRoles.map(roleName).join(', ') : m.own.noRoles)}</p>
      <p className={sent ? 'notice notice-info' : undefined} role="status" data-testid="request-access-sent">
        {sent ? m.own.sent : null}
      </p>
      {requests.isPending ? (
        <LoadingState text={m.loading} />
      ) : requests.isError ? (
        <LoadFailed error={requests.error} retry={() => void requests.refetch()} />
      ) : waiting ? (
        <p className="notice notice-info" data-testid="request-access-waiting">
          {m.own.waiting(format.dateTime(waiting.createdAt))}
        </p>
      ) : choices.length === 0 ? (
        <p className="notice notice-info">{m.own.allRoles}</p>
      ) : (
        <FileRequestForm choices={choices} onSent={() => setSent(true)} onChanged={() => setSent(false)} />
      )}

      {requests.data ? (
        <section className="ar-mine" aria-labelledby={headingId}>
          <h2 id={headingId}>{m.own.mine}</h2>
          {mine.length === 0 ? (
            <p className="muted">{m.own.mineEmpty}</p>
          ) : (
            <ul className="ar-mine-list">
              {mine.map((request) => (
                <OwnRequest key={request.id} request={request} rolesText={request.roles.map(roleName).join(', ')} />
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}

function OwnRequest({ request, rolesText }: { request: AccessRequest; rolesText: string }) {
  const m = useAccessRequestsMessages();
  const { format } = useI18n();
  return (
    <li className="ar-mine-item" data-testid="my-access-request" data-request-id={request.id}>
      <RequestDecision request={request} />
      <p>
        <strong>{rolesText}</strong>
        <span className="cell-sub">{m.own.filed(format.dateTime(request.createdAt))}</span>
      </p>
      <p className="ar-reason break">{request.reason}</p>
      {request.status === 'granted' ? <p className="field-hint">{m.own.grantedHint}</p> : null}
    </li>
  );
}

type FileErrors = { roles?: string; reason?: string };

function FileRequestForm({ choices, onSent, onChanged }: { choices: readonly Role[]; onSent: () => void; onChanged: () => void }) {
  const m = useAccessRequestsMessages();
  const refusalText = useRefusalText();
  const id = useId();
  const formId = `access-request-form-${id.replace(/[^\w-]/g, '')}`;
  const file = useFileAccessRequest();
  const [roles, setRoles] = useState<Role[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FileErrors>({});
  const [failure, setFailure] = useState<string>();

  function refused(placed: FileErrors, text: string | undefined) {
    setErrors(placed);
    setFailure(text);
    focusFirstInvalid(`#${formId}`);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = fileProblems({ roles, reason });
    const found: FileErrors = {
      ...(problems.roles ? { roles: m.own.problems[problems.roles] } : {}),
      ...(problems.reason ? { reason: m.own.problems[problems.reason] } : {}),
    };
    setFailure(undefined);
    if (Object.keys(found).length) return refused(found, undefined);
    setErrors({});
    file.mutate(fileBody({ roles, reason }), {
      onSuccess: () => {
        setRoles([]);
        setReason('');
        onSent();
      },
      onError: (error) => {
        if (refusalOf(error) === 'conflict') return setFailure(m.own.conflict);
        const said = refusalText(error, ['roles', 'reason'] as const, m.own.fixErrors);
        refused(said.fields, said.failure);
      },
    });
  }

  return (
    <form id={formId} className="ar-form" onSubmit={submit} noValidate aria-labelledby={`${formId}-title`} aria-busy={file.isPending}>
      <h2 id={`${formId}-title`}>{m.own.form}</h2>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
      <RoleChecks
        legend={m.own.roles}
        choices={choices}
        value={roles}
        onChange={(next) => {
          setRoles(next);
          setErrors(({ reason: kept }) => (kept ? { reason: kept } : {}));
          onChanged();
        }}
        error={errors.roles}
        testId="access-request-roles"
      />
      <Field id={`${formId}-reason`} label={m.own.reason} hint={m.own.reasonHint} error={errors.reason} required>
        {(aria) => (
          <textarea
            {...aria}
            rows={4}
            maxLength={maxReasonLength}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setErrors(({ roles: kept }) => (kept ? { roles: kept } : {}));
              onChanged();
            }}
            data-testid="access-request-reason"
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={file.isPending} data-testid="access-request-submit">
          {file.isPending ? <Spinner size="sm" /> : null}
          {file.isPending ? m.own.submitting : m.own.submit}
        </button>
      </div>
    </form>
  );
}
