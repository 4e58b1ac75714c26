import type { TeamSet } from '@shared/domain/teams/team';
import type { SaveProblem } from '../SaveBar';
import type { SaveFailure } from '../settings-issues';
import { newTeamDraft, patched, sameTeams, teamDraftsOf, teamOf, type TeamDraft } from './team-draft';
import { noTeamIssues, placeTeamIssues, withoutErrors, type TeamIssues } from './team-issues';
import type { Issue } from '../../../records/form/form-errors';

/**
 * The teams editor's state and its steps, apart from React: the set as read (its version goes
 * with the save), the drafts, the team just added (it takes the focus), the one asked to be
 * removed, the errors where they belong and what the save bar says.
 */
export interface TeamsEditorState {
  base: TeamSet;
  drafts: TeamDraft[];
  added: string | undefined;
  removing: TeamDraft | undefined;
  issues: TeamIssues;
  problem: SaveProblem | undefined;
  saved: boolean;
}

export type TeamsEditorStep =
  | { type: 'change'; uid: string; patch: Parameters<typeof patched>[2] }
  | { type: 'add' }
  | { type: 'ask-remove'; uid: string }
  | { type: 'keep' }
  | { type: 'remove'; uid: string }
  /** A set from the server: saved by the admin (`saved`), reloaded after a conflict, or the base again (discard). */
  | { type: 'load'; set: TeamSet; saved: boolean }
  /** Issues found before sending or by the API, named by the drafts sent. */
  | { type: 'invalid'; issues: readonly Issue[]; sent: readonly TeamDraft[]; text: (issue: Issue) => string }
  | { type: 'failed'; problem: SaveProblem }
  | { type: 'sending' };

export const editorStateOf = (set: TeamSet): TeamsEditorState => ({
  base: set,
  drafts: teamDraftsOf(set.teams),
  added: undefined,
  removing: undefined,
  issues: noTeamIssues,
  problem: undefined,
  saved: false,
});

/** Whether the drafts say anything the saved set does not. */
export const isDirty = (state: Pick<TeamsEditorState, 'base' | 'drafts'>): boolean => !sameTeams(state.drafts.map(teamOf), state.base.teams);

/** A team with something in it is removed only once confirmed; a new empty one goes at once. */
const needsConfirm = (draft: TeamDraft): boolean => draft.saved || Boolean(draft.name.trim() || draft.managerId || draft.memberIds.length);

export function teamsEditorStep(state: TeamsEditorState, step: TeamsEditorStep): TeamsEditorState {
  // An edit makes "saved" stale and the last problem moot, except a conflict: only a reload ends it.
  const edited = (next: Partial<TeamsEditorState>): TeamsEditorState => ({
    ...state,
    ...next,
    saved: false,
    problem: state.problem?.kind === 'conflict' ? state.problem : undefined,
  });
  switch (step.type) {
    case 'change': {
      const props = Object.keys(step.patch).concat(step.patch.name !== undefined ? ['id'] : []);
      return edited({
        drafts: patched(state.drafts, step.uid, step.patch),
        issues: { ...state.issues, teams: { ...state.issues.teams, [step.uid]: withoutErrors(state.issues.teams[step.uid], props) } },
      });
    }
    case 'add': {
      const team = newTeamDraft();
      return edited({ drafts: [...state.drafts, team], added: team.uid });
    }
    case 'ask-remove': {
      const draft = state.drafts.find((d) => d.uid === step.uid);
      if (!draft) return state;
      return needsConfirm(draft) ? { ...state, removing: draft } : teamsEditorStep(state, { type: 'remove', uid: step.uid });
    }
    case 'keep':
      return { ...state, removing: undefined };
    case 'remove':
      return edited({ drafts: state.drafts.filter((d) => d.uid !== step.uid), removing: undefined });
    case 'load':
      return { ...editorStateOf(step.set), saved: step.saved };
    case 'invalid': {
      const issues = placeTeamIssues(step.issues, step.sent, step.text);
      return { ...state, issues, problem: { kind: 'invalid', general: issues.general } };
    }
    case 'failed':
      return { ...state, problem: step.problem };
    case 'sending':
      return { ...state, problem: undefined };
  }
}

/** A failed save as the next step: its issues on the teams sent, or what the save bar says. */
export function failedStep(failure: SaveFailure, sent: readonly TeamDraft[], text: (issue: Issue) => string): TeamsEditorStep {
  if (failure.kind === 'issues') return { type: 'invalid', issues: failure.issues, sent, text };
  return { type: 'failed', problem: failure.kind === 'conflict' ? { kind: 'conflict' } : { kind: 'message', text: failure.text } };
}
