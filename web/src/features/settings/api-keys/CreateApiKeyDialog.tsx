import { useId, useState } from 'react';
import type { ApiKeySummary, CreatedApiKey } from '@shared/api/contracts';
import { Dialog } from '../../../ui/Dialog';
import { Field } from '../../../ui/Field';
import { focusFirstInvalid, FormDialog } from '../../../ui/FormDialog';
import { useRefusalText } from '../users/use-refusal-text';
import { useRoleName } from '../users/use-role-names';
import { curlExample, keyBody, keyProblems, keyRoles, maxKeyNameLength, type KeyValues } from './api-keys';
import { useApiKeysMessages } from './api-keys-messages';
import { useCreateApiKey } from './use-api-keys';

/**
 * A new API key: its name and role, then — once — its secret, with a copy button, a warning that
 * it will not be shown again, and a first request to try it with.
 */
export function CreateApiKeyDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (key: ApiKeySummary) => void }) {
  const [created, setCreated] = useState<CreatedApiKey>();
  return created ? (
    <SecretDialog secret={created.secret} onClose={onClose} />
  ) : (
    <KeyForm
      onClose={onClose}
      onCreated={(result) => {
        setCreated(result);
        onCreated(result.key);
      }}
    />
  );
}

type KeyErrors = Partial<Record<keyof KeyValues, string>>;

function KeyForm({ onClose, onCreated }: { onClose: () => void; onCreated: (created: CreatedApiKey) => void }) {
  const m = useApiKeysMessages();
  const refusalText = useRefusalText();
  const roleName = useRoleName();
  const id = useId();
  const create = useCreateApiKey();
  const [values, setValues] = useState<KeyValues>({ name: '', role: '' });
  const [errors, setErrors] = useState<KeyErrors>({});
  const [failure, setFailure] = useState<string>();
  const mc = m.create;

  const change = (field: keyof KeyValues, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  function submit() {
    const problems = keyProblems(values);
    const found: KeyErrors = {
      ...(problems.name ? { name: mc.problems[problems.name] } : {}),
      ...(problems.role ? { role: mc.problems[problems.role] } : {}),
    };
    setErrors(found);
    setFailure(undefined);
    if (Object.keys(found).length) return focusFirstInvalid();
    create.mutate(keyBody(values), {
      onSuccess: onCreated,
      onError: (error) => {
        const said = refusalText(error, ['name', 'role'] as const, mc.fixErrors);
        setErrors(said.fields);
        setFailure(said.failure);
        focusFirstInvalid();
      },
    });
  }

  return (
    <FormDialog
      title={mc.title}
      intro={mc.text}
      failure={failure}
      submit={mc.submit}
      submitting={mc.submitting}
      busy={create.isPending}
      cancel={m.cancel}
      onSubmit={submit}
      onClose={onClose}
      testId="api-key-create"
    >
      <Field id={`${id}-name`} label={mc.name} hint={mc.nameHint} error={errors.name} required>
        {(aria) => (
          <input {...aria} type="text" autoComplete="off" autoFocus maxLength={maxKeyNameLength} value={values.name} onChange={(event) => change('name', event.target.value)} data-testid="api-key-name" />
        )}
      </Field>
      <Field id={`${id}-role`} label={mc.role} hint={values.role === 'admin' ? mc.adminWarning : mc.roleHint} error={errors.role} required>
        {(aria) => (
          <select {...aria} value={values.role} onChange={(event) => change('role', event.target.value)} data-testid="api-key-role">
            <option value="">{mc.chooseRole}</option>
            {keyRoles.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </FormDialog>
  );
}

function SecretDialog({ secret, onClose }: { secret: string; onClose: () => void }) {
  const m = useApiKeysMessages();
  const id = useId();
  const ms = m.secret;
  const command = curlExample(secret, window.location.origin);
  return (
    <Dialog open title={ms.title} onClose={onClose} testId="api-key-secret">
      <div className="dialog-form api-keys-secret">
        <p className="api-keys-warning" role="alert" data-testid="api-key-secret-warning">
          {ms.warning}
        </p>
        <Field id={`${id}-secret`} label={ms.label}>
          {(aria) => (
            <div className="api-keys-copy-row">
              <input {...aria} type="text" readOnly value={secret} className="settings-code-input" onFocus={(event) => event.target.select()} spellCheck={false} data-testid="api-key-secret-value" />
              <CopyButton text={secret} label={ms.copySecret} testId="api-key-copy" />
            </div>
          )}
        </Field>
        <p>{ms.usage}</p>
        <div className="api-keys-copy-row">
          <pre className="api-keys-usage" aria-label={ms.usageLabel} data-testid="api-key-usage">
            <code>{command}</code>
          </pre>
          <CopyButton text={command} label={ms.copyCommand} testId="api-key-copy-command" />
        </div>
        <div className="form-actions">
          <button type="button" className="button button-primary" onClick={onClose} data-testid="api-key-secret-done">
            {ms.done}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** Copies the text to the clipboard and says so (or that it could not: the text can still be selected). */
function CopyButton({ text, label, testId }: { text: string; label: string; testId: string }) {
  const m = useApiKeysMessages();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <span className="api-keys-copy">
      <button type="button" className="button button-small" onClick={() => void copy()} aria-label={label} data-testid={testId}>
        {m.secret.copy}
      </button>
      <span className="muted api-keys-copied" role="status">
        {state === 'copied' ? m.secret.copied : state === 'failed' ? m.secret.copyFailed : null}
      </span>
    </span>
  );
}
