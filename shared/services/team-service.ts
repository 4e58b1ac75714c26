import { assertCan } from '../auth/assert-can';
import { getTeams, putTeams } from '../data/teams-repository';
import { listUsers } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { DomainError, versionConflict } from '../domain/common/errors';
import type { Team, TeamSet } from '../domain/teams/team';

/** Teams (ACC-2): everyone who may read them does; admins set them, naming known users only. */
export const readTeams = (): Promise<TeamSet> => getTeams();

export async function saveTeamsAs(actor: Actor, teams: Team[], version: number): Promise<TeamSet> {
  assertCan(actor, 'teams', 'manage');
  const current = await getTeams();
  if (current.version !== version) throw versionConflict(current.version);
  const known = new Set((await listUsers()).map((user) => user.id));
  const unknown = teams.flatMap((team, i) => [
    ...(known.has(team.managerId) ? [] : [{ path: `teams.${i}.managerId`, message: 'no such user', code: 'unknown_user' }]),
    ...team.memberIds.flatMap((id, j) => (known.has(id) ? [] : [{ path: `teams.${i}.memberIds.${j}`, message: 'no such user', code: 'unknown_user' }])),
  ]);
  if (unknown.length) throw new DomainError('validation_failed', unknown.map((f) => `${f.path}: ${f.message}`).join('; '), { fields: unknown });
  if (!(await putTeams({ teams, version }))) throw versionConflict(undefined);
  return { teams, version: version + 1 };
}
