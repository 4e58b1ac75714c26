/**
 * Cognito's user-pool API called straight from the browser with fetch (no AWS SDK in the bundle):
 * USER_PASSWORD_AUTH sign-in, the NEW_PASSWORD_REQUIRED challenge, token refresh, and the
 * forgotten-password flow (a code by email, then the code with a new password). The same calls
 * work against cognito-local on a laptop.
 */
export interface CognitoSettings {
  endpoint: string;
  clientId: string;
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch milliseconds when the ID and access tokens expire. */
  expiresAt: number;
}

export type SignInStep =
  | { kind: 'signed-in'; tokens: Tokens }
  | { kind: 'new-password-required'; username: string; session: string };

/** A failure Cognito reported, by its exception name (e.g. NotAuthorizedException). */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

interface AuthenticationResult {
  IdToken?: string;
  AccessToken?: string;
  RefreshToken?: string;
  ExpiresIn?: number;
}

interface AuthResponse {
  AuthenticationResult?: AuthenticationResult;
  ChallengeName?: string;
  Session?: string;
}

export async function signInWithPassword(settings: CognitoSettings, username: string, password: string): Promise<SignInStep> {
  const response = await call(settings, 'InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: settings.clientId,
    AuthParameters: { USERNAME: username, PASSWORD: password },
  });
  return toStep(response, username);
}

export async function answerNewPassword(settings: CognitoSettings, username: string, session: string, newPassword: string): Promise<SignInStep> {
  const response = await call(settings, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: settings.clientId,
    Session: session,
    ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword },
  });
  return toStep(response, username);
}

/** New ID and access tokens; Cognito keeps the refresh token, so the old one is carried over. */
export async function refreshTokens(settings: CognitoSettings, refreshToken: string): Promise<Tokens> {
  const response = await call(settings, 'InitiateAuth', {
    AuthFlow: 'REFRESH_TOKEN_AUTH',
    ClientId: settings.clientId,
    AuthParameters: { REFRESH_TOKEN: refreshToken },
  });
  const result = response.AuthenticationResult;
  if (!result) throw new CognitoError('UnexpectedResponse', 'Cognito returned no tokens on refresh');
  return toTokens({ ...result, RefreshToken: result.RefreshToken ?? refreshToken });
}

/** Cognito emails a confirmation code to the user's address (if the user exists: its answer may not say). */
export async function forgotPassword(settings: CognitoSettings, username: string): Promise<void> {
  await call(settings, 'ForgotPassword', { ClientId: settings.clientId, Username: username });
}

/** The code from that email and the new password; afterwards the user signs in with it. */
export async function confirmForgotPassword(settings: CognitoSettings, username: string, code: string, newPassword: string): Promise<void> {
  await call(settings, 'ConfirmForgotPassword', {
    ClientId: settings.clientId,
    Username: username,
    ConfirmationCode: code,
    Password: newPassword,
  });
}

function toStep(response: AuthResponse, username: string): SignInStep {
  if (response.AuthenticationResult) return { kind: 'signed-in', tokens: toTokens(response.AuthenticationResult) };
  if (response.ChallengeName === 'NEW_PASSWORD_REQUIRED' && response.Session) {
    return { kind: 'new-password-required', username, session: response.Session };
  }
  throw new CognitoError('UnsupportedChallenge', `Unsupported sign-in step: ${response.ChallengeName ?? 'none'}`);
}

function toTokens(result: AuthenticationResult): Tokens {
  if (!result.IdToken || !result.AccessToken || !result.RefreshToken) {
    throw new CognitoError('UnexpectedResponse', 'Cognito returned incomplete tokens');
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken,
    expiresAt: Date.now() + (result.ExpiresIn ?? 3600) * 1000,
  };
}

async function call(settings: CognitoSettings, action: string, body: unknown): Promise<AuthResponse> {
  let response: Response;
  try {
    response = await fetch(settings.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${action}`,
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CognitoError('NetworkError', error instanceof Error ? error.message : String(error));
  }
  const payload = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    // `__type` is "NotAuthorizedException" or "…#NotAuthorizedException"; the message key's case varies.
    const rawType = typeof payload.__type === 'string' ? payload.__type : response.headers.get('x-amzn-errortype') ?? 'UnknownError';
    const type = rawType.split('#').pop()!.split(':')[0]!;
    const message = typeof payload.message === 'string' ? payload.message : typeof payload.Message === 'string' ? payload.Message : type;
    throw new CognitoError(type, message);
  }
  return payload as AuthResponse;
}
