import { useState, type FormEvent, type ReactNode } from 'react';
import { useAuthSession } from '../../auth/use-auth';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { confirmProblems, requestProblems, resetFailure, type ResetProblem, type ResetStep } from './password-reset';
import { usePasswordResetMessages } from './password-reset-messages';
import { EmailField, NewPasswordFields } from './SignInFields';

interface ForgotPasswordFormProps {
  /** What the sign-in form held, so it need not be typed again. */
  initialEmail: string;
  /** The password is changed: back to sign-in with this address. */
  onDone: (email: string) => void;
  onBack: (email: string) => void;
}

/**
 * A forgotten password, Cognito's own way: the address (a code is emailed to it), then the code
 * with a new password twice. Whether the address is registered is never told.
 */
export function ForgotPasswordForm({ initialEmail, onDone, onBack }: ForgotPasswordFormProps) {
  const [email, setEmail] = useState(initialEmail);
  const [codeSent, setCodeSent] = useState(false);
  return codeSent ? (
    <ConfirmStep email={email.trim()} onDone={() => onDone(email.trim())} onOtherEmail={() => setCodeSent(false)} onBack={() => onBack(email.trim())} />
  ) : (
    <RequestStep email={email} onEmail={setEmail} onSent={() => setCodeSent(true)} onBack={() => onBack(email.trim())} />
  );
}

/** A call to Cognito with the form busy meanwhile; a refusal said in words (true: go on). */
function useResetCall() {
  const m = usePasswordResetMessages();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  async function run(step: ResetStep, action: () => Promise<void>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (error) {
      const kind = resetFailure(error, step);
      if (kind) setFailure(m.failures[kind]);
      return !kind;
    } finally {
      setBusy(false);
    }
  }
  return { busy, failure, run };
}

function StepForm({ title, text, busy, failure, onSubmit, children }: { title: string; text: ReactNode; busy: boolean; failure: string | null; onSubmit: () => void; children: ReactNode }) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form className="signin-form" onSubmit={submit} noValidate aria-busy={busy} data-testid="password-reset">
      <h1 className="signin-title">{title}</h1>
      <p className="signin-subtitle">{text}</p>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
      {children}
    </form>
  );
}

function SubmitButton({ busy, label, busyLabel, testId }: { busy: boolean; label: string; busyLabel: string; testId: string }) {
  return (
    <button type="submit" className="button button-primary button-block" disabled={busy} data-testid={testId}>
      {busy ? <Spinner size="sm" /> : null}
      {busy ? busyLabel : label}
    </button>
  );
}

/** A problem in words: the code's is the reset's own, the others the sign-in's. */
function useProblemText(): (problem: ResetProblem | undefined) => string | undefined {
  const m = usePasswordResetMessages();
  const { t } = useI18n();
  return (problem) => (problem === 'codeRequired' ? m.codeRequired : problem ? t.signIn[problem] : undefined);
}

function RequestStep({ email, onEmail, onSent, onBack }: { email: string; onEmail: (email: string) => void; onSent: () => void; onBack: () => void }) {
  const m = usePasswordResetMessages();
  const auth = useAuthSession();
  const call = useResetCall();
  const problemText = useProblemText();
  const [problem, setProblem] = useState<ResetProblem>();

  async function submit() {
    const found = requestProblems(email).email;
    setProblem(found);
    if (found) return;
    if (await call.run('request', () => auth.requestPasswordReset(email))) onSent();
  }

  return (
    <StepForm title={m.requestTitle} text={m.requestText} busy={call.busy} failure={call.failure} onSubmit={() => void submit()}>
      <EmailField id="reset-email" value={email} onChange={onEmail} error={problemText(problem)} autoFocus />
      <SubmitButton busy={call.busy} label={m.sendCode} busyLabel={m.sending} testId="reset-send-code" />
      <button type="button" className="button button-link" onClick={onBack} data-testid="reset-back">
        {m.back}
      </button>
    </StepForm>
  );
}

function ConfirmStep({ email, onDone, onOtherEmail, onBack }: { email: string; onDone: () => void; onOtherEmail: () => void; onBack: () => void }) {
  const m = usePasswordResetMessages();
  const auth = useAuthSession();
  const call = useResetCall();
  const problemText = useProblemText();
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<ReturnType<typeof confirmProblems>>({});
  const [resent, setResent] = useState(false);

  async function submit() {
    const found = confirmProblems({ code, password, confirm });
    setProblems(found);
    setResent(false);
    if (Object.keys(found).length > 0) return;
    if (await call.run('confirm', () => auth.confirmPasswordReset(email, code, password))) onDone();
  }

  async function resend() {
    setResent(false);
    setResent(await call.run('request', () => auth.requestPasswordReset(email)));
  }

  return (
    <StepForm title={m.confirmTitle} text={m.codeSent(email)} busy={call.busy} failure={call.failure} onSubmit={() => void submit()}>
      {resent && !call.failure ? (
        <p className="notice notice-info" role="status">
          {m.resent}
        </p>
      ) : null}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field id="reset-code" label={m.code} error={problemText(problems.code)} hint={m.codeHint} required>
        {(aria) => (
          <input
            {...aria}
            type="text"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            autoFocus
            maxLength={20}
            data-testid="reset-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        )}
      </Field>
      <NewPasswordFields
        idPrefix="reset"
        password={password}
        confirm={confirm}
        onPassword={setPassword}
        onConfirm={setConfirm}
        errors={{ password: problemText(problems.password), confirm: problemText(problems.confirm) }}
      />
      <SubmitButton busy={call.busy} label={m.submit} busyLabel={m.submitting} testId="reset-submit" />
      <div className="signin-links">
        <button type="button" className="button button-link" onClick={() => void resend()} disabled={call.busy} data-testid="reset-resend">
          {m.resend}
        </button>
        <button type="button" className="button button-link" onClick={onOtherEmail} disabled={call.busy}>
          {m.otherEmail}
        </button>
        <button type="button" className="button button-link" onClick={onBack} data-testid="reset-back">
          {m.back}
        </button>
      </div>
    </StepForm>
  );
}
