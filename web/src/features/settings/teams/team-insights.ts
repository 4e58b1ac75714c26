import type { UserSummary } from '@shared/api/contracts';
import { recordSubjects, scopeOf } from '@shared/auth/permissions';
import { isRole, type Role } from '@shared/auth/roles';
import type { Team } from '@shared/domain/teams/team';

/**
 * What the admin should know about the teams (ACC-2), by the same permission matrix the API uses:
 * who works records that a manager sees only through a team but is in none, and teams whose
 * manager is also a member (allowed) or whose manager's roles give no team view (the team then
 * widens nothing).
 */
export const rolesOf = (user: Pick<UserSummary, 'roles'>): Role[] => user.roles.filter(isRole);

const readScopes = (roles: readonly Role[]) => recordSubjects.map((subject) => scopeOf(roles, subject, 'read'));

/** Someone whose records (or whose own team view) depend on teams: a record subject read at `own` or `team` scope. */
export const dependsOnTeams = (roles: readonly Role[]): boolean => readScopes(roles).some((scope) => scope === 'own' || scope === 'team');

/** Whether managing a team lets these roles see more: some record subject read at `team` scope, or everything already. */
export function seesAsManager(roles: readonly Role[]): boolean {
  const scopes = readScopes(roles);
  return scopes.includes('team') || scopes.every((scope) => scope === 'all');
}

/** Whether the user manages or belongs to any of the teams. */
export const inSomeTeam = (userId: string, teams: readonly Pick<Team, 'managerId' | 'memberIds'>[]): boolean =>
  teams.some((team) => team.managerId === userId || team.memberIds.includes(userId));

/** The users whose work a manager sees only through a team, yet in no team (neither managing nor a member), in the directory's order. */
export function usersInNoTeam<U extends Pick<UserSummary, 'id' | 'roles'>>(users: readonly U[], teams: readonly Pick<Team, 'managerId' | 'memberIds'>[]): U[] {
  return users.filter((user) => dependsOnTeams(rolesOf(user)) && !inSomeTeam(user.id, teams));
}

export type TeamWarning = 'manager-is-member' | 'manager-sees-nothing-more';

/** A team's warnings: its manager is also a member; its manager's roles give no team view. */
export function teamWarnings(team: Pick<Team, 'managerId' | 'memberIds'>, users: readonly Pick<UserSummary, 'id' | 'roles'>[]): TeamWarning[] {
  if (!team.managerId) return [];
  const warnings: TeamWarning[] = [];
  if (team.memberIds.includes(team.managerId)) warnings.push('manager-is-member');
  const manager = users.find((user) => user.id === team.managerId);
  if (manager && !seesAsManager(rolesOf(manager))) warnings.push('manager-sees-nothing-more');
  return warnings;
}

/** Not a portal user only: portal users are a client's people, never a team's. */
export function isStaff(user: Pick<UserSummary, 'roles'>): boolean {
  const roles = rolesOf(user);
  return roles.length === 0 || roles.some((role) => role !== 'portal-user');
}

/** The users a member checklist offers, filtered by name, e-mail or role name, (portal users only when already listed, to take them off) and the team's members the directory does not know. */
export function memberChoices<U extends Pick<UserSummary, 'id' | 'email' | 'name' | 'roles'>>(
  users: readonly U[],
  memberIds: readonly string[],
  filter: string,
  roleName: (role: Role) => string,
): { users: U[]; unknownIds: string[] } {
  const words = filter.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (user: U) => {
    const text = [user.name ?? '', user.email, ...rolesOf(user).map(roleName)].join(' ').toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  };
  const offered = users.filter((user) => (isStaff(user) || memberIds.includes(user.id)) && matches(user));
  const known = new Set(users.map((user) => user.id));
  return { users: offered, unknownIds: memberIds.filter((id) => !known.has(id)) };
}
