import { isApiError } from '../../api/api-error';
import { CognitoError } from '../../auth/cognito-client';
import type { Messages } from '../../i18n/messages';

/**
 * What to tell a person whose sign-in failed. Wrong email and wrong password read the same, so
 * the page does not reveal which accounts exist.
 */
export function signInErrorMessage(error: unknown, t: Messages, step: 'password' | 'new-password'): string {
  if (error instanceof CognitoError) {
    switch (error.type) {
      case 'NotAuthorizedException':
        return /attempts exceeded/i.test(error.message) ? t.signIn.tooManyAttempts : t.signIn.wrongCredentials;
      case 'UserNotFoundException':
        return t.signIn.wrongCredentials;
      case 'TooManyRequestsException':
      case 'LimitExceededException':
      case 'TooManyFailedAttemptsException':
        return t.signIn.tooManyAttempts;
      case 'UserNotConfirmedException':
        return t.signIn.userNotConfirmed;
      case 'InvalidPasswordException':
        // Choosing a new password: the policy refused it. Signing in: cognito-local's way of saying "wrong password".
        return step === 'new-password' ? `${t.signIn.passwordRejected} ${error.message}` : t.signIn.wrongCredentials;
      case 'NetworkError':
        return t.signIn.networkError;
      default:
        return t.signIn.failed;
    }
  }
  if (isApiError(error) && error.code === 'network') return t.signIn.networkError;
  return t.signIn.failed;
}
