import { issueText, type Issue } from '../../../records/form/form-errors';
import type { RecordsMessages } from '../../../records/records-messages';
import type { TeamsMessages } from './teams-messages';

/**
 * The issues of a saved set of teams (the shared schema's in the browser, the API's `error.fields`)
 * put where the admin sees them: `teams.1.name` on the second team's name, `teams.0.managerId` on
 * its manager, `teams.1.memberIds.2` on that member (by user id, as sent), and `teams` (too many)
 * above the list. Teams are named by their draft ids in the order sent.
 */
export type TeamErrors = Record<string, string>;

export interface TeamIssues {
  /** Per team draft id: `id`, `name`, `managerId`, `memberIds` (the list), `member:<userId>`, `` (the team itself). */
  teams: Record<string, TeamErrors>;
  general: string[];
}

export const noTeamIssues: TeamIssues = { teams: {}, general: [] };

export const memberKey = (userId: string): string => `member:${userId}`;

export function placeTeamIssues(issues: readonly Issue[], sent: readonly { uid: string; memberIds: readonly string[] }[], text: (issue: Issue) => string): TeamIssues {
  const placed: TeamIssues = { teams: {}, general: [] };
  for (const issue of issues) {
    const [head, index, prop, memberIndex] = issue.path.split('.');
    const team = head === 'teams' && index !== undefined && /^\d+$/.test(index) ? sent[Number(index)] : undefined;
    if (!team) {
      placed.general.push(text(issue));
      continue;
    }
    const memberId = prop === 'memberIds' && memberIndex !== undefined ? team.memberIds[Number(memberIndex)] : undefined;
    const key = memberId !== undefined ? memberKey(memberId) : (prop ?? '');
    (placed.teams[team.uid] ??= {})[key] ??= text(issue);
  }
  placed.general = [...new Set(placed.general)];
  return placed;
}

/** A team's errors without those of the properties just changed (a member's go with the list). */
export function withoutErrors(errors: TeamErrors | undefined, props: readonly string[]): TeamErrors {
  return Object.fromEntries(Object.entries(errors ?? {}).filter(([key]) => !props.some((prop) => key === prop || (prop === 'memberIds' && key.startsWith('member:')))));
}

/** Managers and members the directory does not know, as the API names them (it checks the same on save). */
export function unknownUserIssues(teams: readonly { managerId: string; memberIds: readonly string[] }[], known: ReadonlySet<string>): Issue[] {
  const unknown = (path: string): Issue => ({ path, code: 'unknown_user', message: 'no such user' });
  return teams.flatMap((team, i) => [
    ...(team.managerId && !known.has(team.managerId) ? [unknown(`teams.${i}.managerId`)] : []),
    ...team.memberIds.flatMap((id, j) => (known.has(id) ? [] : [unknown(`teams.${i}.memberIds.${j}`)])),
  ]);
}

const isFormat = (code: string): boolean => code === 'invalid_format' || code === 'invalid_string';

/** An issue in the admin's words. */
export function teamIssueText(issue: Issue, m: TeamsMessages, rm: RecordsMessages): string {
  const e = m.issues;
  const { code, message, path } = issue;
  const parts = path.split('.');
  const prop = parts[2];
  if (code === 'unknown_user' || /no such user/i.test(message)) return e.unknownUser;
  if (/ids must be unique/i.test(message)) return e.idUnique;
  if (/listed twice/i.test(message)) return e.memberTwice;
  if (path === 'teams' && code === 'too_big') return e.tooManyTeams;
  if (prop === 'id' && (isFormat(code) || code === 'invalid_type')) return e.id;
  if (prop === 'managerId' && parts.length === 3 && (code === 'too_small' || code === 'invalid_type')) return e.managerRequired;
  if (prop === 'memberIds' && parts.length === 3 && code === 'too_big') return e.tooManyMembers;
  if (prop === 'name' && (code === 'too_small' || code === 'invalid_type')) return e.nameRequired;
  return issueText(issue, rm);
}
