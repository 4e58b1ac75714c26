import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { putAuditEntry } from '../../shared/data/audit-repository';
import { auditActionOf, auditRecordId, normalisedQuery, type AuditEntry } from '../../shared/domain/audit/audit-entry';
import type { Actor } from '../../shared/domain/common/actor';
import { newId } from '../../shared/domain/common/clock';
import { logger } from '../observability/logger';
import { viewerIp } from './edge';
import { routeOf } from './route-table';

/**
 * Writes the call to the audit trail (ACC-4) once it is answered, allowed or refused: who, what
 * (route, record, query), when, from where (the viewer's address as CloudFront saw it) and the
 * status. Lists and searches also count toward the usage view. The session route, which every
 * user calls on sign-in, is not a read of anything and is left out.
 *
 * A failure to write is logged as an error with the whole entry, and the answer still goes out:
 * the call itself already happened (ADR 0014).
 */
export async function auditCall(event: APIGatewayProxyEventV2WithJWTAuthorizer, actor: Actor & { type: 'user' }, status: number, now = new Date()): Promise<void> {
  const route = routeOf(event.routeKey);
  if (!route?.permission) return;
  const permission = route.permission;
  const subject = 'subject' in permission ? permission.subject : (event.pathParameters?.[permission.subjectParam] ?? 'unknown');
  const action = auditActionOf(route.method, route.path, permission);
  const recordId = auditRecordId(route.path, event.pathParameters);
  const query = normalisedQuery(event.queryStringParameters);
  const entry: AuditEntry = {
    id: newId(now),
    at: now.toISOString(),
    actor: { type: 'user', id: actor.id, ...(actor.email ? { name: actor.email } : {}) },
    action,
    subject,
    ...(recordId ? { recordId } : {}),
    route: event.routeKey,
    status,
    sourceIp: viewerIp(event),
    ...(Object.keys(query).length ? { query } : {}),
  };
  try {
    await putAuditEntry(entry, status < 400 && (action === 'list' || action === 'search'));
  } catch (error) {
    logger.error('Audit entry not written', { error, audit: entry });
  }
}
