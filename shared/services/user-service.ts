import type { UserSummary } from '../api/contracts';
import { assertCan } from '../auth/assert-can';
import { getUser, listUsers, putUser, setUserDisabled } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, notFound } from '../domain/common/errors';

/** The user directory: who can own records and be notified (Cognito stays the source of identity). */
export async function recordSignIn(actor: Actor & { type: 'user' }, clock: Clock = systemClock): Promise<UserSummary> {
  if (!actor.email) throw invalidField('email', 'the ID token carries no email claim; sign in with the ID token');
  const user: UserSummary = {
    id: actor.id,
    email: actor.email,
    ...(actor.name ? { name: actor.name } : {}),
    roles: [...actor.roles],
    lastSignInAt: clock.now().toISOString(),
  };
  await putUser(user);
  return user;
}

export const findUsers = (): Promise<UserSummary[]> => listUsers();

/**
 * Disables or enables a user (ACC-1). A disabled user's token is refused from their next request
 * on (the audit write checks it); an admin cannot lock themselves out.
 */
export async function setUserDisabledAs(actor: Actor, userId: string, disabled: boolean, clock: Clock = systemClock): Promise<UserSummary> {
  assertCan(actor, 'users', 'manage');
  if (disabled && actor.id === userId) throw new DomainError('unprocessable', 'You cannot disable yourself', { fields: [{ path: 'userId', message: 'yourself', code: 'self' }] });
  if (!(await setUserDisabled(userId, disabled ? clock.now().toISOString() : undefined))) throw notFound('User');
  return (await getUser(userId))!;
}
