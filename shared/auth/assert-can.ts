import type { Actor } from '../domain/common/actor';
import { DomainError } from '../domain/common/errors';
import { can, type Action, type Subject } from './permissions';

/**
 * The domain layer's own check against the permission matrix, for use cases that are not only
 * reached through a route that was checked (imports, rules). The system acts for the app; a web
 * form never manages anything.
 */
export function assertCan(actor: Actor, subject: Subject, action: Action): void {
  if (actor.type === 'system') return;
  if (actor.type !== 'user' || !can(actor.roles, subject, action)) throw new DomainError('forbidden', `Your role may not ${action} ${subject}`);
}
