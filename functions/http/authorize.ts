import { can, subjects, type Subject } from '../../shared/auth/permissions';
import type { Actor } from '../../shared/domain/common/actor';
import { DomainError } from '../../shared/domain/common/errors';
import { routeOf } from './route-table';

/**
 * The route-level check (ACC-1): the caller's roles must allow what the matched route declares in
 * the API's route metadata (shared/api/routes). Deny by default: an unknown route key is refused.
 * Object-level checks (owner, team, portal account) are the domain layer's.
 */
const isSubject = (value: string | undefined): value is Subject => value !== undefined && (subjects as readonly string[]).includes(value);

export function authorize(routeKey: string, pathParameters: Record<string, string | undefined> | undefined, actor: Actor & { type: 'user' }): void {
  const route = routeOf(routeKey);
  if (!route || route.access !== 'signed-in') throw new DomainError('forbidden', `No signed-in route ${routeKey}`);
  const permission = route.permission;
  if (!permission) return;
  const subject = 'subject' in permission ? permission.subject : pathParameters?.[permission.subjectParam];
  // A path parameter that names no subject is the handler's to refuse, as bad input naming the field.
  if (!('subject' in permission) && !isSubject(subject)) return;
  if (!isSubject(subject) || !can(actor.roles, subject, permission.action)) {
    throw new DomainError('forbidden', `Your role may not ${permission.action} ${subject ?? 'this'}`);
  }
}
