import { describe, expect, it } from 'vitest';
import { teamSetSchema } from '../../../shared/domain/teams/team';
import { issuesOfZod } from '../../../web/src/records/form/form-errors';
import { recordsMessages } from '../../../web/src/records/records-messages';
import { memberKey, placeTeamIssues, teamIssueText, unknownUserIssues, withoutErrors } from '../../../web/src/features/settings/teams/team-issues';
import { teamsMessages } from '../../../web/src/features/settings/teams/teams-messages';

/** Save errors of the teams (the schema's in the browser, the API's 400) on the fields they name. */
const m = teamsMessages.ru;
const text = (issue: Parameters<typeof teamIssueText>[0]) => teamIssueText(issue, m, recordsMessages.ru);
const sent = [
  { uid: 'd1', memberIds: ['u-1', 'u-2'] },
  { uid: 'd2', memberIds: ['u-3', 'u-3'] },
];

describe('team issues', () => {
  it('puts the schema’s issues on the team, its fields and the member, in Russian', () => {
    const checked = teamSetSchema.safeParse({
      version: 0,
      teams: [
        { id: 'Moscow Sales', name: 'Москва', managerId: 'u-1', memberIds: ['u-1', 'u-2'] },
        { id: 'moscow-sales', name: ' ', managerId: '', memberIds: ['u-3', 'u-3'] },
      ],
    });
    expect(checked.success).toBe(false);
    const placed = placeTeamIssues(issuesOfZod(checked.error!.issues), sent, text);
    expect(placed.teams.d1).toEqual({ id: m.issues.id });
    expect(placed.teams.d2).toMatchObject({ name: m.issues.nameRequired, managerId: m.issues.managerRequired, [memberKey('u-3')]: m.issues.memberTwice });
    expect(placed.general).toEqual([]);
  });

  it('says duplicate ids on the team that repeats one', () => {
    const checked = teamSetSchema.safeParse({
      version: 0,
      teams: [
        { id: 'sales', name: 'А', managerId: 'u-1', memberIds: [] },
        { id: 'sales', name: 'Б', managerId: 'u-1', memberIds: [] },
      ],
    });
    const placed = placeTeamIssues(issuesOfZod(checked.error!.issues), sent, text);
    expect(placed.teams).toEqual({ d2: { id: m.issues.idUnique } });
  });

  it('places the API’s unknown users (teams.0.managerId, teams.1.memberIds.0) and keeps the rest above the list', () => {
    const placed = placeTeamIssues(
      [
        { path: 'teams.0.managerId', code: 'unknown_user', message: 'no such user' },
        { path: 'teams.1.memberIds.0', code: 'unknown_user', message: 'no such user' },
        { path: 'teams', code: 'too_big', message: 'Too big: expected array to have <=100 items', maximum: 100 },
        { path: 'version', code: 'invalid_type', message: 'expected number' },
      ],
      sent,
      text,
    );
    expect(placed.teams.d1).toEqual({ managerId: m.issues.unknownUser });
    expect(placed.teams.d2).toEqual({ [memberKey('u-3')]: m.issues.unknownUser });
    expect(placed.general).toHaveLength(2);
    expect(placed.general[0]).toBe(m.issues.tooManyTeams);
  });

  it('finds unknown managers and members in the browser the way the API does', () => {
    const issues = unknownUserIssues(
      [
        { managerId: 'u-1', memberIds: ['u-2', 'gone'] },
        { managerId: 'left', memberIds: [] },
        { managerId: '', memberIds: [] },
      ],
      new Set(['u-1', 'u-2']),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['teams.0.memberIds.1', 'teams.1.managerId']);
  });

  it('drops the errors of what was just changed; the members’ with the list', () => {
    const errors = { name: 'a', id: 'b', managerId: 'c', [memberKey('u-1')]: 'd' };
    expect(withoutErrors(errors, ['name', 'id'])).toEqual({ managerId: 'c', [memberKey('u-1')]: 'd' });
    expect(withoutErrors(errors, ['memberIds'])).toEqual({ name: 'a', id: 'b', managerId: 'c' });
    expect(withoutErrors(undefined, ['name'])).toEqual({});
  });

  it('has every English message the Russian has', () => {
    expect(Object.keys(teamsMessages.en.issues)).toEqual(Object.keys(m.issues));
    expect(teamsMessages.en.warnings['manager-is-member']('Anna')).toContain('Anna');
  });
});
