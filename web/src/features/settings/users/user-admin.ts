import type { FieldIssue, InviteUserRequest, UserSummary } from '@shared/api/contracts';
import { roles, type Role } from '@shared/auth/roles';
import type { TeamSet } from '@shared/domain/teams/team';
import { isApiError } from '../../../api/api-error';

/**
 * The users page's admin rules (ACC-5), pure: an invitation's fields and body, a change of roles,
 * the API's field issues put on a dialog's fields, and a user's teams
 * (shown, and changed by editing the versioned team set).
 */
/** Every role but a portal user's: what staff ask for and what an API key may act as. */
export const staffRoles: readonly Role[] = roles.filter((role) => role !== 'portal-user');

/** The roles checked, in the order the roles are listed (whatever the clicking order). */
export function toggledRole(value: readonly Role[], role: Role, checked: boolean): Role[] {
  return roles.filter((r) => (r === role ? checked : value.includes(r)));
}

export const needsAccount = (chosen: readonly Role[]): boolean => chosen.includes('portal-user');

/** A team is for staff: offered once some staff role is checked (or none yet). */
export const offersTeam = (chosen: readonly Role[]): boolean => chosen.length === 0 || chosen.some((role) => role !== 'portal-user');

export interface InviteValues {
  email: string;
  name: string;
  roles: Role[];
  teamId: string;
  account: { id: string; title?: string } | null;
}

export const emptyInvite: InviteValues = { email: '', name: '', roles: [], teamId: '', account: null };

export const inviteFields = ['email', 'name', 'roles', 'teamId', 'accountId'] as const;
export type InviteField = (typeof inviteFields)[number];
export type InviteProblem = 'emailRequired' | 'emailInvalid' | 'rolesRequired' | 'accountRequired';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What the dialog checks before sending (the API checks it all again). */
export function inviteProblems(values: InviteValues): Partial<Record<InviteField, InviteProblem>> {
  const email = values.email.trim();
  return {
    ...(!email ? { email: 'emailRequired' as const } : emailPattern.test(email) ? {} : { email: 'emailInvalid' as const }),
    ...(values.roles.length === 0 ? { roles: 'rolesRequired' as const } : {}),
    ...(needsAccount(values.roles) && !values.account ? { accountId: 'accountRequired' as const } : {}),
  };
}

/** The request as sent: trimmed, the team only for staff, the account only for a portal user. */
export function inviteBody(values: InviteValues): InviteUserRequest {
  const name = values.name.trim();
  return {
    email: values.email.trim(),
    ...(name ? { name } : {}),
    roles: [...values.roles],
    ...(values.teamId && offersTeam(values.roles) ? { teamId: values.teamId } : {}),
    ...(values.account && needsAccount(values.roles) ? { accountId: values.account.id } : {}),
  };
}

export type RolesProblem = 'rolesRequired' | 'ownAdmin';

/** A change of roles: at least one, and an admin keeps their own admin role (the API refuses it too). */
export function rolesProblem(user: Pick<UserSummary, 'roles'>, next: readonly Role[], isMe: boolean): RolesProblem | undefined {
  if (next.length === 0) return 'rolesRequired';
  if (isMe && user.roles.includes('admin') && !next.includes('admin')) return 'ownAdmin';
  return undefined;
}

/**
 * A refusal with field issues (400 `validation_failed`, 409 on an existing email, 422 on one's own
 * admin role) put on the dialog's fields by the path's first part (`roles.1` → `roles`,
 * `body.email` → `email`); issues on no known field are the rest. A 409 without issues names
 * `conflictField`. Undefined: not a refusal of the input.
 */
export interface FieldRefusal<F extends string> {
  status: number;
  fields: Partial<Record<F, FieldIssue>>;
  other: FieldIssue[];
}

export function fieldRefusal<F extends string>(error: unknown, known: readonly F[], conflictField?: F): FieldRefusal<F> | undefined {
  if (!isApiError(error) || ![400, 409, 422].includes(error.status)) return undefined;
  const issues = error.fields.length || !conflictField || error.status !== 409 ? error.fields : [{ path: conflictField, code: 'conflict', message: error.message }];
  if (issues.length === 0) return undefined;
  const refusal: FieldRefusal<F> = { status: error.status, fields: {}, other: [] };
  for (const issue of issues) {
    const head = issue.path.replace(/^body\./, '').split('.')[0] ?? '';
    const field = known.find((k) => k === head);
    if (field) refusal.fields[field] ??= issue;
    else refusal.other.push(issue);
  }
  return refusal;
}

/** An invitation's refusal on a field that the dialog says in its own words; undefined: in the general words of a field issue. */
export type InviteIssueKind = 'emailTaken' | 'unknownTeam' | 'unknownAccount' | 'accountRequired';

export function inviteIssueKind(field: InviteField, issue: FieldIssue, status: number): InviteIssueKind | undefined {
  if (field === 'email' && (status === 409 || issue.code === 'conflict')) return 'emailTaken';
  if (field === 'teamId') return 'unknownTeam';
  if (field === 'accountId') return issue.code === 'too_small' || /required/i.test(issue.message) || /undefined/.test(issue.message) ? 'accountRequired' : 'unknownAccount';
  return undefined;
}

export interface UserTeam {
  id: string;
  name: string;
  asManager: boolean;
}

/** The teams a user manages or belongs to, in the set's order. */
export function teamsOfUser(userId: string, set: Pick<TeamSet, 'teams'>): UserTeam[] {
  return set.teams
    .filter((team) => team.managerId === userId || team.memberIds.includes(userId))
    .map((team) => ({ id: team.id, name: team.name, asManager: team.managerId === userId }));
}

/** The ids of the teams the user is a member of. */
export const memberTeamIds = (userId: string, set: Pick<TeamSet, 'teams'>): string[] =>
  set.teams.filter((team) => team.memberIds.includes(userId)).map((team) => team.id);

/** The set with the user a member of exactly these teams (added last where new); whom teams are managed by does not change. */
export function withMemberships(set: TeamSet, userId: string, teamIds: readonly string[]): TeamSet {
  return {
    ...set,
    teams: set.teams.map((team) => {
      const member = team.memberIds.includes(userId);
      const wanted = teamIds.includes(team.id);
      if (member === wanted) return team;
      return { ...team, memberIds: wanted ? [...team.memberIds, userId] : team.memberIds.filter((id) => id !== userId) };
    }),
  };
}
