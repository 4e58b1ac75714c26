import type { Team, TeamSet } from '@shared/domain/teams/team';
import { draftId } from '../custom-field-draft';
import { suggestOptionValue } from '../suggest-key';

/**
 * The teams (ACC-2) as the admin edits them before saving: each team with a draft id (errors and
 * React keys stay with the card), whether it is saved, and whether its id was typed by hand (a new
 * team's id follows its name until then).
 */
export interface TeamDraft {
  uid: string;
  saved: boolean;
  idTouched: boolean;
  id: string;
  name: string;
  /** '' until a manager is chosen. */
  managerId: string;
  memberIds: string[];
}

export const maxTeams = 100;
export const maxMembers = 100;

export function teamDraftsOf(teams: readonly Team[]): TeamDraft[] {
  return teams.map((team) => ({ uid: draftId(), saved: true, idTouched: true, id: team.id, name: team.name, managerId: team.managerId, memberIds: [...team.memberIds] }));
}

export function newTeamDraft(): TeamDraft {
  return { uid: draftId(), saved: false, idTouched: false, id: '', name: '', managerId: '', memberIds: [] };
}

/**
 * A team id from its name, in the API's format (`^[a-z0-9][a-z0-9-]{0,39}$`, the same as an
 * option value): `Продажи Москва` → `prodazhi-moskva`, numbered when another team has it.
 */
export const suggestTeamId = (name: string, taken: readonly string[]): string => suggestOptionValue(name, taken);

/** A team's change: a new name moves a new team's id along until the admin types one. */
export function patched(drafts: readonly TeamDraft[], uid: string, patch: Partial<Omit<TeamDraft, 'uid' | 'saved'>>): TeamDraft[] {
  return drafts.map((draft) => {
    if (draft.uid !== uid) return draft;
    const next = { ...draft, ...patch };
    if (patch.name !== undefined && !draft.saved && !next.idTouched) {
      next.id = suggestTeamId(patch.name, drafts.filter((d) => d.uid !== uid).map((d) => d.id));
    }
    return next;
  });
}

/** A member on or off; a new member goes last, so the saved order stays as it was. */
export function toggledMember(memberIds: readonly string[], userId: string, on: boolean): string[] {
  if (on) return memberIds.includes(userId) ? [...memberIds] : [...memberIds, userId];
  return memberIds.filter((id) => id !== userId);
}

/** The team as the API takes it (the shared schema then says what is wrong with it). */
export function teamOf(draft: TeamDraft): Team {
  return { id: draft.id.trim(), name: draft.name.trim(), managerId: draft.managerId, memberIds: [...draft.memberIds] };
}

/** The body of `PUT /api/teams`: the whole set with the version read. */
export const teamSetBody = (drafts: readonly TeamDraft[], version: number): TeamSet => ({ teams: drafts.map(teamOf), version });

/** Whether two sets of teams say the same: the teams in order, the members whatever their order. */
export function sameTeams(a: readonly Team[], b: readonly Team[]): boolean {
  const normal = (teams: readonly Team[]) => JSON.stringify(teams.map((t) => [t.id, t.name, t.managerId, [...t.memberIds].sort()]));
  return normal(a) === normal(b);
}
