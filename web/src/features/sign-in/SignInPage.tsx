import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import type { NewPasswordChallenge } from '../../auth/auth-session';
import { useAuthState } from '../../auth/use-auth';
import { useAppConfig } from '../../config/use-config';
import { useI18n } from '../../i18n/use-i18n';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { NewPasswordForm } from './NewPasswordForm';
import { PasswordForm } from './PasswordForm';

/** Email and password, then (on a first sign-in) a new password; afterwards back where the user was going. */
export function SignInPage({ redirectTo }: { redirectTo: string }) {
  const { t } = useI18n();
  const { displayName } = useAppConfig();
  const { signOutReason } = useAuthState();
  const navigate = useNavigate();
  const [challenge, setChallenge] = useState<NewPasswordChallenge | null>(null);
  useDocumentTitle(t.signIn.title);

  const onSignedIn = () => void navigate({ href: redirectTo, replace: true });

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
        {challenge ? (
          <NewPasswordForm challenge={challenge} onSignedIn={onSignedIn} onBack={() => setChallenge(null)} />
        ) : (
          <PasswordForm onSignedIn={onSignedIn} onChallenge={setChallenge} notice={signOutReason === 'expired' ? t.signIn.sessionExpired : signOutReason === 'signed-out' ? t.signIn.signedOut : undefined} />
        )}
      </main>
    </div>
  );
}
