import { describe, expect, it } from 'vitest';
import type { TeamSet } from '../../../shared/domain/teams/team';
import { editorStateOf, failedStep, isDirty, teamsEditorStep, type TeamsEditorState, type TeamsEditorStep } from '../../../web/src/features/settings/teams/team-editor';

/** The teams editor's steps (ACC-2): edits, removal with a confirmation, saving, conflicts. */
const set: TeamSet = { version: 3, teams: [{ id: 'moscow-sales', name: 'Продажи Москва', managerId: 'boss', memberIds: ['rep1'] }] };
const run = (...steps: TeamsEditorStep[]): TeamsEditorState => steps.reduce(teamsEditorStep, editorStateOf(set));
const text = () => 'ошибка';

describe('teams editor', () => {
  it('adds a team that takes the focus, its id following its name', () => {
    const added = run({ type: 'add' });
    expect(added.drafts).toHaveLength(2);
    expect(added.added).toBe(added.drafts[1]!.uid);
    const named = teamsEditorStep(added, { type: 'change', uid: added.added!, patch: { name: 'Поддержка' } });
    expect(named.drafts[1]!.id).toBe('podderzhka');
    expect(isDirty(named)).toBe(true);
  });

  it('asks before removing a saved team, and not for a new empty one', () => {
    const state = run({ type: 'add' });
    const [saved, fresh] = state.drafts;
    const asked = teamsEditorStep(state, { type: 'ask-remove', uid: saved!.uid });
    expect(asked.removing?.uid).toBe(saved!.uid);
    expect(teamsEditorStep(asked, { type: 'keep' }).drafts).toHaveLength(2);
    expect(teamsEditorStep(asked, { type: 'remove', uid: saved!.uid }).drafts.map((d) => d.uid)).toEqual([fresh!.uid]);
    const gone = teamsEditorStep(state, { type: 'ask-remove', uid: fresh!.uid });
    expect(gone.removing).toBeUndefined();
    expect(gone.drafts).toHaveLength(1);
    expect(isDirty(gone)).toBe(false);
  });

  it('keeps errors on the team until what they name changes', () => {
    const state = run();
    const uid = state.drafts[0]!.uid;
    const invalid = teamsEditorStep(state, {
      type: 'invalid',
      issues: [
        { path: 'teams.0.name', code: 'too_small', message: '' },
        { path: 'teams.0.managerId', code: 'unknown_user', message: 'no such user' },
      ],
      sent: state.drafts,
      text,
    });
    expect(invalid.problem).toEqual({ kind: 'invalid', general: [] });
    const renamed = teamsEditorStep(invalid, { type: 'change', uid, patch: { name: 'Москва' } });
    expect(renamed.issues.teams[uid]).toEqual({ managerId: 'ошибка' });
    expect(renamed.problem).toBeUndefined();
  });

  it('keeps a conflict until the set is loaded again; a saved set says so', () => {
    const conflict = run(failedStep({ kind: 'conflict' }, [], text));
    expect(conflict.problem).toEqual({ kind: 'conflict' });
    const edited = teamsEditorStep(conflict, { type: 'add' });
    expect(edited.problem).toEqual({ kind: 'conflict' });
    const fresh = { ...set, version: 4 };
    const reloaded = teamsEditorStep(edited, { type: 'load', set: fresh, saved: false });
    expect(reloaded.problem).toBeUndefined();
    expect(reloaded.base.version).toBe(4);
    expect(isDirty(reloaded)).toBe(false);
    expect(teamsEditorStep(edited, { type: 'load', set: fresh, saved: true }).saved).toBe(true);
    expect(failedStep({ kind: 'message', text: 'Нет сети' }, [], text)).toEqual({ type: 'failed', problem: { kind: 'message', text: 'Нет сети' } });
  });
});
