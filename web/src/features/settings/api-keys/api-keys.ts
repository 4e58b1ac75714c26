import type { ApiKeySummary, CreateApiKeyRequest } from '@shared/api/contracts';
import type { Role } from '@shared/auth/roles';
import { staffRoles } from '../users/user-admin';

/**
 * Integration API keys' pure rules: the roles a key may have (any but a portal user's), the order
 * shown (active first, newest first), what a new key needs, and how a script uses the secret.
 */
export const keyRoles: readonly Role[] = staffRoles;

export const isRevoked = (key: Pick<ApiKeySummary, 'revokedAt'>): boolean => Boolean(key.revokedAt);

export function sortKeys<K extends Pick<ApiKeySummary, 'createdAt' | 'revokedAt'>>(keys: readonly K[]): K[] {
  return [...keys].sort((a, b) => Number(isRevoked(a)) - Number(isRevoked(b)) || b.createdAt.localeCompare(a.createdAt));
}

export const maxKeyNameLength = 100;

export interface KeyValues {
  name: string;
  /** Empty until chosen. */
  role: string;
}

export type KeyProblem = 'nameRequired' | 'roleRequired';

export function keyProblems(values: KeyValues): { name?: KeyProblem; role?: KeyProblem } {
  return {
    ...(values.name.trim() ? {} : { name: 'nameRequired' as const }),
    ...(keyRoles.some((role) => role === values.role) ? {} : { role: 'roleRequired' as const }),
  };
}

export const keyBody = (values: KeyValues): CreateApiKeyRequest => ({ name: values.name.trim(), role: values.role });

/** A first call with the key, to paste into a terminal. */
export const curlExample = (secret: string, origin: string): string => `curl -H "X-Api-Key: ${secret}" ${origin.replace(/\/+$/, '')}/api/leads`;
