import { describe, expect, it } from 'vitest';
import { teamSchema, teamSetSchema, type Team } from '../../../shared/domain/teams/team';
import { newTeamDraft, patched, sameTeams, suggestTeamId, teamDraftsOf, teamSetBody, toggledMember } from '../../../web/src/features/settings/teams/team-draft';

/** Teams as the admin edits them (ACC-2): drafts to the API's body and back, ids suggested from names. */
const saved: Team[] = [
  { id: 'moscow-sales', name: 'Продажи Москва', managerId: 'u-boss', memberIds: ['u-1', 'u-2'] },
  { id: 'service', name: 'Поддержка', managerId: 'u-svc', memberIds: [] },
];

describe('team drafts', () => {
  it('round-trips a saved set to the same body, with the version read', () => {
    const body = teamSetBody(teamDraftsOf(saved), 7);
    expect(body).toEqual({ teams: saved, version: 7 });
    expect(teamSetSchema.safeParse(body).success).toBe(true);
    expect(sameTeams(body.teams, saved)).toBe(true);
  });

  it('trims names and ids for the body', () => {
    const draft = newTeamDraft();
    const drafts = patched([draft], draft.uid, { name: '  Продажи СПб  ', managerId: 'u-1', id: ' spb ', idTouched: true });
    expect(teamSetBody(drafts, 0).teams[0]).toEqual({ id: 'spb', name: 'Продажи СПб', managerId: 'u-1', memberIds: [] });
  });

  it('suggests a new team’s id from its name until the admin types one; a saved team keeps its id', () => {
    const drafts = [...teamDraftsOf(saved), newTeamDraft()];
    const uid = drafts[2]!.uid;
    let next = patched(drafts, uid, { name: 'Продажи Москва' });
    // The saved team has `moscow-sales`; the transliteration is another id, free.
    expect(next[2]!.id).toBe('prodazhi-moskva');
    expect(teamSchema.shape.id.safeParse(next[2]!.id).success).toBe(true);
    next = patched(next, uid, { id: 'msk', idTouched: true });
    next = patched(next, uid, { name: 'Продажи Москва 2' });
    expect(next[2]!.id).toBe('msk');
    const renamed = patched(next, next[0]!.uid, { name: 'Москва' });
    expect(renamed[0]!.id).toBe('moscow-sales');
  });

  it('numbers a suggested id another team has, and gives ids the schema accepts', () => {
    expect(suggestTeamId('Поддержка', ['podderzhka'])).toBe('podderzhka-2');
    for (const name of ['Продажи: Москва и область', '1-я линия', 'Очень длинное название команды, которое не помещается в сорок символов']) {
      expect(teamSchema.shape.id.safeParse(suggestTeamId(name, [])).success, name).toBe(true);
    }
    expect(suggestTeamId('!!!', [])).toBe('');
  });

  it('adds a member last and takes one off, never twice', () => {
    expect(toggledMember(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggledMember(['a', 'b'], 'a', true)).toEqual(['a', 'b']);
    expect(toggledMember(['a', 'b'], 'a', false)).toEqual(['b']);
  });

  it('tells a change from the same set with members in another order', () => {
    const shuffled = saved.map((team) => ({ ...team, memberIds: [...team.memberIds].reverse() }));
    expect(sameTeams(shuffled, saved)).toBe(true);
    expect(sameTeams([...saved].reverse(), saved)).toBe(false);
    expect(sameTeams([{ ...saved[0]!, managerId: 'u-2' }, saved[1]!], saved)).toBe(false);
    expect(sameTeams(saved.slice(1), saved)).toBe(false);
  });
});
