import { CognitoError } from '../../auth/cognito-client';

/**
 * A forgotten password's rules (Cognito's ForgotPassword, then ConfirmForgotPassword): what each
 * step needs before it is sent, and a refusal as a kind the form says in words. Whether an address
 * is registered is never told: "no such user" reads as "a code was sent if it is", and at the
 * second step as a wrong code.
 */
export type ResetStep = 'request' | 'confirm';

export type ResetFailure = 'codeMismatch' | 'expiredCode' | 'invalidPassword' | 'tooManyAttempts' | 'cannotReset' | 'network' | 'failed';

/** `undefined`: not a failure to show — the request step goes on as if the code was sent. */
export function resetFailure(error: unknown, step: ResetStep): ResetFailure | undefined {
  if (!(error instanceof CognitoError)) return 'failed';
  switch (error.type) {
    case 'UserNotFoundException':
      return step === 'request' ? undefined : 'codeMismatch';
    case 'InvalidParameterException':
      // No verified address to send the code to: as unknown as a missing user.
      return step === 'request' ? undefined : 'failed';
    case 'CodeMismatchException':
      return 'codeMismatch';
    case 'ExpiredCodeException':
      return 'expiredCode';
    case 'InvalidPasswordException':
      return 'invalidPassword';
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
    case 'CodeDeliveryFailureException':
      return 'tooManyAttempts';
    case 'NotAuthorizedException':
      // A user who never signed in (temporary password) or who is disabled cannot reset.
      return 'cannotReset';
    case 'NetworkError':
      return 'network';
    default:
      return 'failed';
  }
}

export type ResetProblem = 'emailRequired' | 'codeRequired' | 'passwordRequired' | 'passwordsDiffer';

/** Step 1: an address. */
export function requestProblems(email: string): { email?: ResetProblem } {
  return email.trim() ? {} : { email: 'emailRequired' };
}

/** Step 2: the code, a password, the same password again. */
export function confirmProblems(values: { code: string; password: string; confirm: string }): { code?: ResetProblem; password?: ResetProblem; confirm?: ResetProblem } {
  return {
    ...(values.code.trim() ? {} : { code: 'codeRequired' as const }),
    ...(values.password ? {} : { password: 'passwordRequired' as const }),
    ...(values.password && values.confirm !== values.password ? { confirm: 'passwordsDiffer' as const } : {}),
  };
}
