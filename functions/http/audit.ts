import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { countUsage, putAuditEntry, putCheckedAuditEntry, readCallerStanding, type CallerCheck, type CallerStanding } from '../../shared/data/audit-repository';
import { auditActionOf, auditRecordId, auditWriteFailed, normalisedQuery, type AuditEntry } from '../../shared/domain/audit/audit-entry';
import type { Actor } from '../../shared/domain/common/actor';
import { newId } from '../../shared/domain/common/clock';
import { DomainError } from '../../shared/domain/common/errors';
import { logger } from '../observability/logger';
import { viewerIp } from './edge';
import { routeOf } from './route-table';

/**
 * Puts the call on the audit trail (ACC-4) before it is served: who, what (route, record, query),
 * when, from where (the viewer's address as CloudFront saw it) and whether the permission matrix
 * let it through; and checks the caller may still act: not disabled, the token's groups the
 * user's roles, its portal account theirs, an API key not revoked (ADR 0013). A call that cannot
 * be written down is not served (ADR 0014).
 *
 * An allowed read (a GET) reads the caller's standing eventually consistently beside a plain
 * PutItem of the entry: half a read unit and two write units (the item and its by-actor index
 * entry). A change or a refusal writes the entry in a transaction that checks the standing
 * strongly. The first page of a list or search also counts toward the usage view.
 */
export async function auditCall(event: APIGatewayProxyEventV2WithJWTAuthorizer, actor: Actor & { type: 'user' }, outcome: AuditEntry['outcome'], now = new Date()): Promise<void> {
  const route = routeOf(event.routeKey);
  const permission = route?.permission;
  const subject = !permission ? 'session' : 'subject' in permission ? permission.subject : (event.pathParameters?.[permission.subjectParam] ?? 'unknown');
  const method = route?.method ?? event.routeKey.split(' ')[0] ?? 'GET';
  const action = auditActionOf(method, route?.path ?? event.routeKey, permission);
  const recordId = route ? auditRecordId(route.path, event.pathParameters) : undefined;
  const query = normalisedQuery(event.queryStringParameters);
  // An API key is named after itself; a person by their email, which the trail is searched by.
  const shownName = actor.apiKeyId ? actor.name : actor.email;
  const entry: AuditEntry = {
    id: newId(now),
    at: now.toISOString(),
    actor: { type: 'user', id: actor.id, ...(shownName ? { name: shownName } : {}) },
    action,
    subject,
    ...(recordId ? { recordId } : {}),
    route: event.routeKey,
    outcome,
    sourceIp: viewerIp(event),
    ...(Object.keys(query).length ? { query } : {}),
  };
  const caller: CallerCheck = actor.apiKeyId
    ? { kind: 'api-key', keyId: actor.apiKeyId }
    : { kind: 'user', id: actor.id, roles: actor.roles, ...(actor.accountId !== undefined ? { accountId: actor.accountId } : {}) };
  const read = outcome === 'allowed' && method === 'GET';
  // A next page is the same list asked once: only a first page counts toward the usage view.
  const counted = read && (action === 'list' || action === 'search') && event.queryStringParameters?.cursor === undefined;
  let standing: CallerStanding;
  try {
    if (read) {
      const [found] = await Promise.all([readCallerStanding(caller), putAuditEntry(entry), counted ? countUsage(entry).catch((error: unknown) => logger.warn('Usage count failed', { route: event.routeKey, error })) : undefined]);
      standing = found;
    } else {
      standing = await putCheckedAuditEntry(entry, caller);
    }
    // A caller refused for their standing is on the trail too, as refused: the read's entry is replaced, the change's was not written.
    if (standing !== 'active') await putAuditEntry({ ...entry, outcome: 'denied' });
  } catch (error) {
    // The stack's alarm counts this exact message (infra/stack/constructs/operations-alarms.ts).
    logger.error(auditWriteFailed, { route: event.routeKey, error });
    throw error;
  }
  if (standing === 'disabled') throw new DomainError('unauthorized', 'This user is disabled');
  if (standing === 'revoked') throw new DomainError('unauthorized', 'This API key is revoked');
  // A token naming an account the user was not invited to: its claim was written by someone else than an admin.
  if (standing === 'foreign-account') throw new DomainError('unauthorized', 'This token names an account that is not yours');
  // The web app answers this by fetching a fresh token, which carries the new roles.
  if (standing === 'stale') throw new DomainError('session_stale', 'Your roles changed: sign in again or refresh your token');
}
