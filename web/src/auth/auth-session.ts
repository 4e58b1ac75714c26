import {
  answerNewPassword,
  CognitoError,
  confirmForgotPassword,
  forgotPassword,
  refreshTokens,
  signInWithPassword,
  type CognitoSettings,
  type Tokens,
} from './cognito-client';
import { userFromIdToken, type SignedInUser } from './token-claims';
import { clearTokens, loadTokens, saveTokens } from './token-store';

/**
 * The browser's sign-in session: who is signed in, their tokens (refreshed before they expire),
 * sign-in with its new-password step, a forgotten password's reset, and sign-out. A small
 * external store, so that React (useSyncExternalStore), the router's guards and the API client
 * all read the same state.
 */
export type SignOutReason = 'signed-out' | 'expired';

export interface AuthState {
  user: SignedInUser | null;
  /** Why the last session ended, shown once on the sign-in page. */
  signOutReason?: SignOutReason;
}

export interface NewPasswordChallenge {
  username: string;
  session: string;
}

export type SignInResult = { kind: 'signed-in' } | { kind: 'new-password-required'; challenge: NewPasswordChallenge };

export interface AuthHooks {
  /** Runs once after every sign-in, with the fresh ID token (the app records the session). */
  afterSignIn?: (idToken: string) => Promise<void>;
  afterSignOut?: () => void;
}

/** Refresh this long before the tokens expire, and treat them as expired from then on. */
const refreshMarginMs = 2 * 60 * 1000;

export class AuthSession {
  private tokens: Tokens | undefined;
  private state: AuthState;
  private readonly listeners = new Set<() => void>();
  private refreshing: Promise<Tokens | undefined> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly settings: CognitoSettings,
    private readonly hooks: AuthHooks = {},
  ) {
    this.tokens = loadTokens();
    this.state = { user: this.tokens ? userFromIdToken(this.tokens.idToken) : null };
    if (this.tokens) this.scheduleRefresh();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): AuthState => this.state;

  get isSignedIn(): boolean {
    return this.state.user !== null;
  }

  async signIn(email: string, password: string): Promise<SignInResult> {
    return this.finish(await signInWithPassword(this.settings, email.trim(), password));
  }

  async completeNewPassword(challenge: NewPasswordChallenge, newPassword: string): Promise<SignInResult> {
    return this.finish(await answerNewPassword(this.settings, challenge.username, challenge.session, newPassword));
  }

  /** A forgotten password, step 1: Cognito emails a code (signed out; nothing changes here). */
  requestPasswordReset(email: string): Promise<void> {
    return forgotPassword(this.settings, email.trim());
  }

  /** Step 2: the emailed code and the new password; the user then signs in as usual. */
  confirmPasswordReset(email: string, code: string, newPassword: string): Promise<void> {
    return confirmForgotPassword(this.settings, email.trim(), code.trim(), newPassword);
  }

  signOut(reason: SignOutReason = 'signed-out'): void {
    const wasSignedIn = this.isSignedIn;
    this.tokens = undefined;
    clearTokens();
    clearTimeout(this.refreshTimer);
    this.setState({ user: null, signOutReason: reason });
    if (wasSignedIn) this.hooks.afterSignOut?.();
  }

  /** A valid ID token for the API, refreshed first if it is about to expire; undefined when signed out. */
  async idToken(): Promise<string | undefined> {
    if (!this.tokens) return undefined;
    if (this.tokens.expiresAt - Date.now() > refreshMarginMs) return this.tokens.idToken;
    return (await this.refresh())?.idToken;
  }

  /**
   * A new ID token now, whatever the old one's expiry: after the API said the token predates a
   * change of the user's roles. The new token carries the new groups, so the UI follows too.
   */
  async freshIdToken(): Promise<string | undefined> {
    const tokens = await this.refresh();
    if (tokens) this.setState({ user: userFromIdToken(tokens.idToken) });
    return tokens?.idToken;
  }

  private async finish(step: Awaited<ReturnType<typeof signInWithPassword>>): Promise<SignInResult> {
    if (step.kind === 'new-password-required') {
      return { kind: 'new-password-required', challenge: { username: step.username, session: step.session } };
    }
    this.tokens = step.tokens;
    saveTokens(step.tokens);
    try {
      await this.hooks.afterSignIn?.(step.tokens.idToken);
    } catch (error) {
      this.tokens = undefined;
      clearTokens();
      throw error;
    }
    this.scheduleRefresh();
    this.setState({ user: userFromIdToken(step.tokens.idToken) });
    return { kind: 'signed-in' };
  }

  /** One refresh at a time; a rejected refresh token ends the session, a network blip does not. */
  private refresh(): Promise<Tokens | undefined> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async doRefresh(): Promise<Tokens | undefined> {
    const current = this.tokens;
    if (!current) return undefined;
    try {
      const tokens = await refreshTokens(this.settings, current.refreshToken);
      if (this.tokens !== current) return this.tokens; // signed out or in again meanwhile
      this.tokens = tokens;
      saveTokens(tokens);
      this.scheduleRefresh();
      return tokens;
    } catch (error) {
      if (error instanceof CognitoError && error.type === 'NetworkError' && current.expiresAt > Date.now()) {
        this.scheduleRefresh(30_000);
        return current;
      }
      console.warn('Session refresh failed', error);
      this.signOut('expired');
      return undefined;
    }
  }

  private scheduleRefresh(delayMs?: number): void {
    clearTimeout(this.refreshTimer);
    if (!this.tokens) return;
    const due = delayMs ?? Math.max(this.tokens.expiresAt - Date.now() - refreshMarginMs - 30_000, 5_000);
    this.refreshTimer = setTimeout(() => void this.refresh(), due);
  }

  private setState(state: AuthState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
