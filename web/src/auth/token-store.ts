import type { Tokens } from './cognito-client';

/** Tokens live in sessionStorage: they survive a reload but not the closing of the tab. */
const key = 'crm.tokens';

export function loadTokens(): Tokens | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<Tokens>;
    if (typeof value.idToken !== 'string' || typeof value.refreshToken !== 'string' || typeof value.accessToken !== 'string' || typeof value.expiresAt !== 'number') {
      return undefined;
    }
    return value as Tokens;
  } catch {
    return undefined;
  }
}

export function saveTokens(tokens: Tokens): void {
  sessionStorage.setItem(key, JSON.stringify(tokens));
}

export function clearTokens(): void {
  sessionStorage.removeItem(key);
}
