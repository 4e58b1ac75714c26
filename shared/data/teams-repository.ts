import type { Team, TeamSet } from '../domain/teams/team';
import { versionedSetting } from './versioned-setting';

/** The teams: one versioned item, read through the settings cache by every scoped request. */
const teams = versionedSetting<Team[]>('teams', 'teams', []);

/** `fresh`: skip this container's copy, for a read-modify-write. */
export async function getTeams(fresh = false): Promise<TeamSet> {
  const { value, version } = await teams.get(fresh);
  return { teams: value, version };
}

/** Saves the teams as `set.version + 1`; false when someone saved them in between. */
export const putTeams = (set: TeamSet): Promise<boolean> => teams.put({ value: set.teams, version: set.version });
