import { useState, type FormEvent } from 'react';
import type { NewPasswordChallenge } from '../../auth/auth-session';
import { useAuthSession } from '../../auth/use-auth';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { signInErrorMessage } from './sign-in-errors';
import { NewPasswordFields } from './SignInFields';

interface NewPasswordFormProps {
  challenge: NewPasswordChallenge;
  onSignedIn: () => void;
  onBack: () => void;
}

/** The first sign-in with a temporary password: choose the permanent one. */
export function NewPasswordForm({ challenge, onSignedIn, onBack }: NewPasswordFormProps) {
  const { t } = useI18n();
  const auth = useAuthSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirm?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = {
      ...(password ? {} : { password: t.signIn.passwordRequired }),
      ...(password && confirm !== password ? { confirm: t.signIn.passwordsDiffer } : {}),
    };
    setErrors(problems);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const result = await auth.completeNewPassword(challenge, password);
      if (result.kind === 'signed-in') onSignedIn();
      else setFailure(t.signIn.failed);
    } catch (error) {
      setFailure(signInErrorMessage(error, t, 'new-password'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="signin-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h1 className="signin-title">{t.signIn.newPasswordTitle}</h1>
      <p className="signin-subtitle">{t.signIn.newPasswordText}</p>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
      <input type="email" name="username" autoComplete="username" value={challenge.username} readOnly hidden />
      <NewPasswordFields idPrefix="signin" password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors} autoFocus />
      <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="signin-set-password">
        {busy ? <Spinner size="sm" /> : null}
        {busy ? t.signIn.submitting : t.signIn.setPassword}
      </button>
      <button type="button" className="button button-link" onClick={onBack}>
        {t.signIn.backToSignIn}
      </button>
    </form>
  );
}
