import { useNavigate } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { lazyPage } from '../../app/lazy-page';
import { useDocumentTitle } from '../../app/use-document-title';
import type { NewPasswordChallenge } from '../../auth/auth-session';
import { useAuthState } from '../../auth/use-auth';
import { useAppConfig } from '../../config/use-config';
import { useI18n } from '../../i18n/use-i18n';
import { Spinner } from '../../ui/Spinner';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordForm } from './PasswordForm';

// Loaded when "Forgot password?" is chosen, not with the sign-in page.
const ForgotPasswordForm = lazyPage(() => import('./ForgotPasswordForm'), 'ForgotPasswordForm');

/**
 * Email and password, then (on a first sign-in) a new password; afterwards back where the user was
 * going. "Forgot password?" (`?reset=true`) leads through Cognito's reset and back here with the
 * address filled in and a notice.
 */
export function SignInPage({ redirectTo, reset = false, initialEmail = '' }: { redirectTo: string; reset?: boolean; initialEmail?: string }) {
  const { t } = useI18n();
  const { displayName } = useAppConfig();
  const { signOutReason } = useAuthState();
  const navigate = useNavigate();
  const [challenge, setChallenge] = useState<NewPasswordChallenge | null>(null);
  const [email, setEmail] = useState(initialEmail);
  const [passwordChanged, setPasswordChanged] = useState(false);
  useDocumentTitle(t.signIn.title);

  const onSignedIn = () => void navigate({ href: redirectTo, replace: true });
  const backToSignIn = (typed: string, changed: boolean) => {
    setEmail(typed);
    setPasswordChanged(changed);
    void navigate({ to: '/signin', search: (prev) => ({ ...prev, reset: undefined, email: undefined }), replace: true });
  };
  const notice = passwordChanged ? t.signIn.passwordChanged : signOutReason === 'expired' ? t.signIn.sessionExpired : signOutReason === 'signed-out' ? t.signIn.signedOut : undefined;

  return (
    <div className="signin-page">
      <div className="signin-lang">
        <LanguageSwitch />
      </div>
      <main className="signin-card">
        <div className="signin-brand">
          <span className="shell-logo" aria-hidden="true" />
          <span>{t.app.productName}</span>
          {displayName ? <span className="signin-client">{displayName}</span> : null}
        </div>
        {reset ? (
          <Suspense fallback={<Spinner label={t.app.loadingPage} />}>
            <ForgotPasswordForm initialEmail={email} onDone={(typed) => backToSignIn(typed, true)} onBack={(typed) => backToSignIn(typed, false)} />
          </Suspense>
        ) : challenge ? (
          <NewPasswordForm challenge={challenge} onSignedIn={onSignedIn} onBack={() => setChallenge(null)} />
        ) : (
          <PasswordForm
            onSignedIn={onSignedIn}
            onChallenge={setChallenge}
            notice={notice}
            initialEmail={email}
            onForgot={(typed) => {
              setEmail(typed);
              setPasswordChanged(false);
            }}
          />
        )}
      </main>
    </div>
  );
}
