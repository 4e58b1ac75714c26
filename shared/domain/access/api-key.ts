import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { roles } from '../../auth/roles';
import { trimmed } from '../common/values';

/**
 * Integration API keys (ACC-1): `crm_<id>_<secret>`. The id finds the key's item with one GetItem;
 * only the secret's SHA-256 is stored (the secret is 32 random bytes, so a plain hash is as good
 * as a slow one and keeps the authorizer fast). The whole key is shown once, at creation.
 */
const keyPattern = /^crm_([0-9A-HJKMNP-TV-Z]{26})_([A-Za-z0-9_-]{43})$/;

export interface IssuedKey {
  id: string;
  /** What the integration sends in `X-Api-Key`. */
  key: string;
  secretHash: string;
  /** The first characters, to recognise the key in a list. */
  prefix: string;
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

export function issueKey(id: string): IssuedKey {
  const secret = randomBytes(32).toString('base64url');
  const key = `crm_${id}_${secret}`;
  return { id, key, secretHash: hashSecret(secret), prefix: `crm_${id}_${secret.slice(0, 4)}` };
}

/** The id and secret of a presented key, or undefined when it is not shaped like one. */
export function parseKey(presented: string | undefined): { id: string; secret: string } | undefined {
  const match = keyPattern.exec(presented?.trim() ?? '');
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** The id an API key acts under: on the audit trail and as the owner of what it creates. */
export const apiKeyActorId = (keyId: string): string => `key-${keyId}`;

/** Any role but the portal's: a key works for the company, never as one of its clients. */
export const apiKeyRoles = roles.filter((r) => r !== 'portal-user');

export const createApiKeySchema = z.strictObject({
  name: trimmed(100),
  role: z.enum(apiKeyRoles as [string, ...string[]], { message: `one of ${apiKeyRoles.join(', ')}` }),
});
export type CreateApiKey = z.infer<typeof createApiKeySchema>;
