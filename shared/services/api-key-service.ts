import type { ApiKeySummary, CreatedApiKey } from '../api/contracts';
import { assertCan } from '../auth/assert-can';
import { isRole, type Role } from '../auth/roles';
import { getApiKey, listApiKeys, putApiKey, revokeApiKey } from '../data/api-keys-repository';
import { apiKeyActorId, issueKey, parseKey, secretMatches, type CreateApiKey } from '../domain/access/api-key';
import { actorRef, type Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, notFound } from '../domain/common/errors';

/** Integration API keys (ACC-1): admins create, list and revoke them; the authorizer checks them. */

export async function createApiKeyAs(actor: Actor, request: CreateApiKey, clock: Clock = systemClock): Promise<CreatedApiKey> {
  assertCan(actor, 'api-keys', 'manage');
  refuseKeys(actor);
  const now = clock.now();
  const issued = issueKey(newId(now));
  const key: ApiKeySummary = { id: issued.id, name: request.name, role: request.role, prefix: issued.prefix, createdAt: now.toISOString(), createdBy: actorRef(actor) };
  await putApiKey({ ...key, secretHash: issued.secretHash });
  return { key, secret: issued.key };
}

export async function listApiKeysAs(actor: Actor): Promise<{ items: ApiKeySummary[] }> {
  assertCan(actor, 'api-keys', 'read');
  return { items: await listApiKeys() };
}

export async function revokeApiKeyAs(actor: Actor, id: string, clock: Clock = systemClock): Promise<ApiKeySummary> {
  assertCan(actor, 'api-keys', 'manage');
  refuseKeys(actor);
  const key = await getApiKey(id);
  if (!key) throw notFound('API key');
  if (!(await revokeApiKey(id, clock.now().toISOString(), actorRef(actor)))) {
    throw new DomainError('conflict', 'This key is already revoked', { fields: [{ path: 'keyId', message: 'already revoked', code: 'revoked' }] });
  }
  const { secretHash: _hash, ...summary } = (await getApiKey(id))!;
  return summary;
}

/** Keys are managed by people: a key cannot mint or revoke keys, even with the admin role. */
function refuseKeys(actor: Actor): void {
  if (actor.type === 'user' && actor.apiKeyId) throw new DomainError('forbidden', 'API keys are managed by signed-in admins');
}

/** The caller behind a presented `X-Api-Key`, or undefined: unknown, malformed, wrong secret or revoked. */
export async function identifyApiKey(presented: string | undefined): Promise<{ keyId: string; actorId: string; name: string; role: Role } | undefined> {
  const parsed = parseKey(presented);
  if (!parsed) return undefined;
  const key = await getApiKey(parsed.id);
  if (!key || key.revokedAt || !secretMatches(parsed.secret, key.secretHash) || !isRole(key.role)) return undefined;
  return { keyId: key.id, actorId: apiKeyActorId(key.id), name: key.name, role: key.role };
}
