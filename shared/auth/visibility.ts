import type { Scope } from './permissions';

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
