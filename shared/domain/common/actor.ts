import type { Role } from '../../auth/roles';

/** Who is acting: a signed-in user, a public web form, or the system itself (schedules, rules). */
export type Actor =
  | {
      type: 'user';
      id: string;
      email?: string;
      name?: string;
      roles: readonly Role[];
      /** A portal user's account (ACC-3), from the `custom:accountId` claim, which the audit write checks against the directory. */
      accountId?: string;
      /** Set when an integration calls with an API key: the actor is the key, named after it. */
      apiKeyId?: string;
    }
  | { type: 'form'; id: string; name?: string }
  | { type: 'system'; id: string; name?: string };

/** How an actor is recorded on a timeline: its kind, id and a readable name when known. */
export function actorRef(actor: Actor): { type: Actor['type']; id: string; name?: string } {
  const name = actor.name ?? (actor.type === 'user' ? actor.email : undefined);
  return { type: actor.type, id: actor.id, ...(name ? { name } : {}) };
}
