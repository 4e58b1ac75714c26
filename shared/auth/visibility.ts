import { scopeOf, type Action, type Scope, type Subject } from './permissions';
import { isRole } from './roles';

/**
 * Object-level visibility (ACC-2), pure: whose records a scope lets a user see. `own` — the
 * user's; `team` — also those of every member of a team the user manages; `all` — everyone's.
 */
export interface TeamMembership {
  managerId: string;
  memberIds: readonly string[];
}

export type Visibility = 'all' | ReadonlySet<string>;

export function visibleOwners(scope: Scope, userId: string, teams: readonly TeamMembership[]): Visibility {
  if (scope === 'all') return 'all';
  const owners = new Set([userId]);
  if (scope === 'team') for (const team of teams) if (team.managerId === userId) for (const id of team.memberIds) owners.add(id);
  return owners;
}

export const sees = (visibility: Visibility, ownerId: string): boolean => visibility === 'all' || visibility.has(ownerId);

/**
 * A list query narrowed to what the caller sees: an owner asked for out of sight gives nothing
 * (undefined); one visible owner becomes the owner filter (its index); several are `owners`.
 */
export function narrowToVisible<Q extends { ownerId?: string | undefined }>(query: Q, visibility: Visibility): { query: Q; owners?: string[] } | undefined {
  if (visibility === 'all') return { query };
  if (query.ownerId) return visibility.has(query.ownerId) ? { query } : undefined;
  const owners = [...visibility];
  return owners.length === 1 ? { query: { ...query, ownerId: owners[0] } } : { query, owners };
}

/**
 * Whether a user, by their own roles and the teams (sharing aside), may act on records of `ownerId`:
 * who counts as a client's staff when the client is not the one asking (the portal, ACC-3).
 */
export function mayWork(user: { id: string; roles: readonly string[] }, subject: Subject, action: Action, ownerId: string, teams: readonly TeamMembership[]): boolean {
  const scope = scopeOf(user.roles.filter(isRole), subject, action);
  return scope !== undefined && sees(visibleOwners(scope, user.id, teams), ownerId);
}
