import { useState, type FormEvent } from 'react';
import type { NewPasswordChallenge } from '../../auth/auth-session';
import { useAuthSession } from '../../auth/use-auth';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Field } from '../../ui/Field';
import { Spinner } from '../../ui/Spinner';
import { signInErrorMessage } from './sign-in-errors';

interface PasswordFormProps {
  onSignedIn: () => void;
  onChallenge: (challenge: NewPasswordChallenge) => void;
  /** A message from before, e.g. that the session expired. */
  notice?: string | undefined;
}

export function PasswordForm({ onSignedIn, onChallenge, notice }: PasswordFormProps) {
  const { t } = useI18n();
  const auth = useAuthSession();
  const [email, setEmail] = useState('');
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
      <Field id="signin-email" label={t.signIn.email} error={errors.email} required>
        {(aria) => (
          <input
            {...aria}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            autoFocus
            data-testid="signin-email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field id="signin-password" label={t.signIn.password} error={errors.password} required>
        {(aria) => (
          <input
            {...aria}
            type="password"
            name="password"
            autoComplete="current-password"
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
    </form>
  );
}
