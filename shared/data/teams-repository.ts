import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Team, TeamSet } from '../domain/teams/team';
import { dynamo, tableName } from './dynamo-client';
import { conditionParams, mustHaveVersion, mustNotExist } from './record-item';
import { cachedSetting, forgetSetting } from './settings-cache';

/** The teams: one versioned item, read through the settings cache by every scoped request. */
const key = { pk: 'TEAMS', sk: 'TEAMS' };
const cacheKey = 'teams';

/** `fresh`: skip this container's copy, for a read-modify-write. */
export function getTeams(fresh = false): Promise<TeamSet> {
  if (fresh) forgetSetting(cacheKey);
  return cachedSetting(cacheKey, async () => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key }));
    return Item ? { teams: Item.teams as Team[], version: Number(Item.version) } : { teams: [], version: 0 };
  });
}

/** Saves the teams as `set.version + 1`; false when someone saved them in between. */
export async function putTeams(set: TeamSet): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, entity: 'TEAMS', teams: set.teams, version: set.version + 1 },
        ...conditionParams(set.version === 0 ? mustNotExist : mustHaveVersion(set.version)),
      }),
    );
    forgetSetting(cacheKey);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
