import type { UserSummary } from '../api/contracts';
import { listUsers, putUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { invalidField } from '../domain/common/errors';

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
