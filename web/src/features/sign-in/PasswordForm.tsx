import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { NewPasswordChallenge } from '../../auth/auth-session';
import { useAuthSession } from '../../auth/use-auth';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { signInErrorMessage } from './sign-in-errors';
import { EmailField } from './SignInFields';

interface PasswordFormProps {
  onSignedIn: () => void;
  onChallenge: (challenge: NewPasswordChallenge) => void;
  /** A message from before, e.g. that the session expired. */
  notice?: string | undefined;
  /** The address typed before (on the way back from a password reset). */
  initialEmail?: string;
  /** "Forgot password?" was chosen: the address typed so far goes with it. */
  onForgot: (email: string) => void;
}

export function PasswordForm({ onSignedIn, onChallenge, notice, initialEmail = '', onForgot }: PasswordFormProps) {
  const { t } = useI18n();
  const auth = useAuthSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = {
      ...(email.trim() ? {} : { email: t.signIn.emailRequired }),
      ...(password ? {} : { password: t.signIn.passwordRequired }),
    };
    setErrors(missing);
    setFailure(null);
    if (Object.keys(missing).length > 0) return;
    setBusy(true);
    try {
      const result = await auth.signIn(email, password);
      if (result.kind === 'new-password-required') {
        setBusy(false);
        onChallenge(result.challenge);
        return;
      }
      onSignedIn();
    } catch (error) {
      setFailure(signInErrorMessage(error, t, 'password'));
      setBusy(false);
    }
  }

  return (
    <form className="signin-form" onSubmit={submit} noValidate aria-busy={busy}>
      <h1 className="signin-title">{t.signIn.title}</h1>
      <p className="signin-subtitle">{t.signIn.subtitle}</p>
      {notice && !failure ? <p className="notice notice-info">{notice}</p> : null}
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}
      <EmailField id="signin-email" value={email} onChange={setEmail} error={errors.email} autoFocus={!initialEmail} />
      <Field id="signin-password" label={t.signIn.password} error={errors.password} required>
        {(aria) => (
          <input
            {...aria}
            type="password"
            name="password"
            autoComplete="current-password"
            autoFocus={Boolean(initialEmail)}
            data-testid="signin-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button-primary button-block" disabled={busy} data-testid="signin-submit">
        {busy ? <Spinner size="sm" /> : null}
        {busy ? t.signIn.submitting : t.signIn.submit}
      </button>
      <Link to="/signin" search={(prev) => ({ ...prev, reset: true })} className="button button-link signin-forgot" onClick={() => onForgot(email.trim())} data-testid="signin-forgot">
        {t.signIn.forgotPassword}
      </Link>
    </form>
  );
}
