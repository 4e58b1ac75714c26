import { describe, expect, it } from 'vitest';
import { teamSetSchema, type TeamSet } from '../../../shared/domain/teams/team';
import { ApiRequestError } from '../../../web/src/api/api-error';
import {
  emptyInvite,
  fieldRefusal,
  inviteBody,
  inviteFields,
  inviteIssueKind,
  inviteProblems,
  memberTeamIds,
  needsAccount,
  offersTeam,
  rolesProblem,
  staffRoles,
  teamsOfUser,
  toggledRole,
  withMemberships,
  type InviteValues,
} from '../../../web/src/features/settings/users/user-admin';

/** An admin's changes to users (ACC-5): invitations, roles, the API's refusals on fields, team memberships. */
const invite = (patch: Partial<InviteValues>): InviteValues => ({ ...emptyInvite, ...patch });

describe('roles to tick', () => {
  it('keeps the listed order whatever the clicking order, and staff roles leave out the portal', () => {
    expect(toggledRole(['sales-rep'], 'admin', true)).toEqual(['admin', 'sales-rep']);
    expect(toggledRole(['admin', 'sales-rep'], 'admin', false)).toEqual(['sales-rep']);
    expect(toggledRole(['marketer'], 'marketer', true)).toEqual(['marketer']);
    expect(staffRoles).not.toContain('portal-user');
    expect(staffRoles).toContain('admin');
  });

  it('asks for the account only with the portal role, and offers a team to staff', () => {
    expect(needsAccount(['portal-user'])).toBe(true);
    expect(needsAccount(['sales-rep'])).toBe(false);
    expect(offersTeam([])).toBe(true);
    expect(offersTeam(['portal-user'])).toBe(false);
    expect(offersTeam(['portal-user', 'sales-rep'])).toBe(true);
  });
});

describe('an invitation', () => {
  it('needs an email that looks like one, a role, and for a portal user the account', () => {
    expect(inviteProblems(emptyInvite)).toEqual({ email: 'emailRequired', roles: 'rolesRequired' });
    expect(inviteProblems(invite({ email: 'anna@', roles: ['sales-rep'] }))).toEqual({ email: 'emailInvalid' });
    expect(inviteProblems(invite({ email: ' anna@example.com ', roles: ['portal-user'] }))).toEqual({ accountId: 'accountRequired' });
    expect(inviteProblems(invite({ email: 'anna@example.com', roles: ['portal-user'], account: { id: 'A1' } }))).toEqual({});
  });

  it('is sent trimmed, with the team only for staff and the account only for a portal user', () => {
    expect(inviteBody(invite({ email: ' anna@example.com ', name: '  ', roles: ['sales-rep'], teamId: 'moscow', account: { id: 'A1' } }))).toEqual({
      email: 'anna@example.com',
      roles: ['sales-rep'],
      teamId: 'moscow',
    });
    expect(inviteBody(invite({ email: 'c@client.ru', name: ' Пётр ', roles: ['portal-user'], teamId: 'moscow', account: { id: 'A1', title: 'ООО Ромашка' } }))).toEqual({
      email: 'c@client.ru',
      name: 'Пётр',
      roles: ['portal-user'],
      accountId: 'A1',
    });
  });
});

describe('a change of roles', () => {
  it('keeps at least one role, and an admin their own admin role', () => {
    expect(rolesProblem({ roles: ['sales-rep'] }, [], false)).toBe('rolesRequired');
    expect(rolesProblem({ roles: ['admin'] }, ['sales-rep'], true)).toBe('ownAdmin');
    expect(rolesProblem({ roles: ['admin'] }, ['sales-rep'], false)).toBeUndefined();
    expect(rolesProblem({ roles: ['admin'] }, ['admin', 'executive'], true)).toBeUndefined();
  });
});

describe('refusals on fields', () => {
  it('puts issues on the field their path starts with, the rest aside', () => {
    const error = new ApiRequestError(400, 'validation_failed', 'bad', [
      { path: 'roles.1', code: 'invalid_value', message: 'unknown role' },
      { path: 'body.email', code: 'invalid_format', message: 'email' },
      { path: 'email', code: 'too_big', message: 'second issue on email' },
      { path: 'extra', code: 'unrecognized_keys', message: 'extra' },
    ]);
    const refusal = fieldRefusal(error, inviteFields, 'email');
    expect(refusal?.status).toBe(400);
    expect(refusal?.fields.roles?.path).toBe('roles.1');
    expect(refusal?.fields.email?.code).toBe('invalid_format');
    expect(refusal?.other.map((issue) => issue.path)).toEqual(['extra']);
  });

  it('names the conflict field on a 409 without issues, and is nothing for other failures', () => {
    const taken = fieldRefusal(new ApiRequestError(409, 'unknown', 'exists'), inviteFields, 'email');
    expect(taken?.fields.email?.code).toBe('conflict');
    expect(fieldRefusal(new ApiRequestError(409, 'unknown', 'exists'), inviteFields)).toBeUndefined();
    expect(fieldRefusal(new ApiRequestError(400, 'validation_failed', 'bad'), inviteFields)).toBeUndefined();
    expect(fieldRefusal(new ApiRequestError(500, 'internal', 'boom'), inviteFields, 'email')).toBeUndefined();
    expect(fieldRefusal(new Error('boom'), inviteFields, 'email')).toBeUndefined();
  });

  it('says a taken email, an unknown team and a missing or unknown account in the dialog’s words', () => {
    const issue = (path: string, code: string, message = '') => ({ path, code, message });
    expect(inviteIssueKind('email', issue('email', 'conflict'), 409)).toBe('emailTaken');
    expect(inviteIssueKind('email', issue('email', 'invalid_format'), 400)).toBeUndefined();
    expect(inviteIssueKind('teamId', issue('teamId', 'not_found'), 400)).toBe('unknownTeam');
    expect(inviteIssueKind('accountId', issue('accountId', 'custom', 'accountId is required for portal-user'), 400)).toBe('accountRequired');
    expect(inviteIssueKind('accountId', issue('accountId', 'not_found', 'no such account'), 400)).toBe('unknownAccount');
    expect(inviteIssueKind('roles', issue('roles.0', 'invalid_value'), 400)).toBeUndefined();
  });
});

describe('a user’s teams', () => {
  const set: TeamSet = {
    version: 3,
    teams: [
      { id: 'moscow', name: 'Москва', managerId: 'boss', memberIds: ['u1', 'u2'] },
      { id: 'spb', name: 'Петербург', managerId: 'u1', memberIds: ['u3'] },
      { id: 'service', name: 'Поддержка', managerId: 'svc', memberIds: [] },
    ],
  };

  it('are those they manage or belong to, in the set’s order', () => {
    expect(teamsOfUser('u1', set)).toEqual([
      { id: 'moscow', name: 'Москва', asManager: false },
      { id: 'spb', name: 'Петербург', asManager: true },
    ]);
    expect(teamsOfUser('nobody', set)).toEqual([]);
    expect(memberTeamIds('u1', set)).toEqual(['moscow']);
  });

  it('change as memberships only, keeping the version and who manages', () => {
    const moved = withMemberships(set, 'u2', ['spb', 'service']);
    expect(moved.version).toBe(3);
    expect(moved.teams.map((team) => [team.id, team.managerId, team.memberIds])).toEqual([
      ['moscow', 'boss', ['u1']],
      ['spb', 'u1', ['u3', 'u2']],
      ['service', 'svc', ['u2']],
    ]);
    expect(teamSetSchema.safeParse(moved).success).toBe(true);
    // Nothing changed: the very same team objects.
    const same = withMemberships(set, 'u1', ['moscow']);
    expect(same.teams.every((team, i) => team === set.teams[i])).toBe(true);
    expect(withMemberships(set, 'u1', []).teams[0]!.memberIds).toEqual(['u2']);
  });
});
