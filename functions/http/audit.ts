import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { putAuditEntry } from '../../shared/data/audit-repository';
import { auditActionOf, auditRecordId, normalisedQuery, type AuditEntry } from '../../shared/domain/audit/audit-entry';
import type { Actor } from '../../shared/domain/common/actor';
import { newId } from '../../shared/domain/common/clock';
import { DomainError } from '../../shared/domain/common/errors';
import { viewerIp } from './edge';
import { routeOf } from './route-table';

/**
 * Puts the call on the audit trail (ACC-4) before it is served: who, what (route, record, query),
 * when, from where (the viewer's address as CloudFront saw it) and whether the permission matrix
 * let it through. The same transaction checks the caller is not disabled, so a disabled user's
 * token stops working at their next request; and a call that cannot be written down is not
 * served (ADR 0014). Lists and searches also count toward the usage view.
 */
export async function auditCall(event: APIGatewayProxyEventV2WithJWTAuthorizer, actor: Actor & { type: 'user' }, outcome: AuditEntry['outcome'], now = new Date()): Promise<void> {
  const route = routeOf(event.routeKey);
  const permission = route?.permission;
  const subject = !permission ? 'session' : 'subject' in permission ? permission.subject : (event.pathParameters?.[permission.subjectParam] ?? 'unknown');
  const action = auditActionOf(route?.method ?? 'GET', route?.path ?? event.routeKey, permission);
  const recordId = route ? auditRecordId(route.path, event.pathParameters) : undefined;
  const query = normalisedQuery(event.queryStringParameters);
  const entry: AuditEntry = {
    id: newId(now),
    at: now.toISOString(),
    actor: { type: 'user', id: actor.id, ...(actor.email ? { name: actor.email } : {}) },
    action,
    subject,
    ...(recordId ? { recordId } : {}),
    route: event.routeKey,
    outcome,
    sourceIp: viewerIp(event),
    ...(Object.keys(query).length ? { query } : {}),
  };
  const active = await putAuditEntry(entry, outcome === 'allowed' && (action === 'list' || action === 'search'));
  if (!active) throw new DomainError('unauthorized', 'This user is disabled');
}
