import { describe, expect, it } from 'vitest';
import { dependsOnTeams, memberChoices, seesAsManager, teamWarnings, usersInNoTeam } from '../../../web/src/features/settings/teams/team-insights';

/** What the teams screen tells the admin (ACC-2), by the permission matrix. */
const users = [
  { id: 'admin', email: 'admin@example.com', name: 'Анна Админ', roles: ['admin'] },
  { id: 'boss', email: 'boss@example.com', name: 'Борис Руководитель', roles: ['sales-manager'] },
  { id: 'rep1', email: 'rep1@example.com', name: 'Ирина Петрова', roles: ['sales-rep'] },
  { id: 'rep2', email: 'rep2@example.com', roles: ['sales-rep'] },
  { id: 'agent', email: 'agent@example.com', name: 'Сергей', roles: ['service-agent'] },
  { id: 'mkt', email: 'mkt@example.com', name: 'Мария', roles: ['marketer'] },
  { id: 'exec', email: 'exec@example.com', name: 'Елена', roles: ['executive'] },
  { id: 'client', email: 'client@acme.test', name: 'Клиент', roles: ['portal-user'] },
];

describe('team insights', () => {
  it('knows whose view teams change: reps, agents and managers, not admins, executives, marketers or portal users', () => {
    expect(dependsOnTeams(['sales-rep'])).toBe(true);
    expect(dependsOnTeams(['service-agent'])).toBe(true);
    expect(dependsOnTeams(['sales-manager'])).toBe(true);
    expect(dependsOnTeams(['admin'])).toBe(false);
    expect(dependsOnTeams(['executive'])).toBe(false);
    expect(dependsOnTeams(['marketer'])).toBe(false);
    expect(dependsOnTeams(['portal-user'])).toBe(false);
  });

  it('lists who is in no team, a manager counting as in the team they manage', () => {
    const teams = [{ managerId: 'boss', memberIds: ['rep1'] }];
    expect(usersInNoTeam(users, teams).map((u) => u.id)).toEqual(['rep2', 'agent']);
    expect(usersInNoTeam(users, []).map((u) => u.id)).toEqual(['boss', 'rep1', 'rep2', 'agent']);
  });

  it('warns when the manager is also a member, and when the manager’s roles give no team view', () => {
    expect(teamWarnings({ managerId: 'boss', memberIds: ['rep1'] }, users)).toEqual([]);
    expect(teamWarnings({ managerId: 'boss', memberIds: ['rep1', 'boss'] }, users)).toEqual(['manager-is-member']);
    expect(teamWarnings({ managerId: 'rep2', memberIds: ['rep1'] }, users)).toEqual(['manager-sees-nothing-more']);
    expect(teamWarnings({ managerId: 'admin', memberIds: [] }, users)).toEqual([]);
    expect(teamWarnings({ managerId: '', memberIds: [] }, users)).toEqual([]);
    expect(seesAsManager(['service-manager'])).toBe(true);
    expect(seesAsManager(['executive'])).toBe(true);
    expect(seesAsManager(['marketer'])).toBe(false);
  });

  it('offers staff to pick, filtered by name, e-mail or role, with unknown members kept to take off', () => {
    const roleName = (role: string) => (role === 'sales-rep' ? 'Менеджер по продажам' : role);
    const all = memberChoices(users, [], '', roleName);
    expect(all.users.map((u) => u.id)).not.toContain('client');
    expect(all.unknownIds).toEqual([]);
    expect(memberChoices(users, [], 'ирина', roleName).users.map((u) => u.id)).toEqual(['rep1']);
    expect(memberChoices(users, [], 'REP2@', roleName).users.map((u) => u.id)).toEqual(['rep2']);
    expect(memberChoices(users, [], 'менеджер продажам', roleName).users.map((u) => u.id)).toEqual(['rep1', 'rep2']);
    const listed = memberChoices(users, ['client', 'gone'], '', roleName);
    expect(listed.users.map((u) => u.id)).toContain('client');
    expect(listed.unknownIds).toEqual(['gone']);
  });
});
