import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from './dynamo-client';
import { conditionParams, mustHaveVersion, mustNotExist } from './record-item';
import { cachedSetting, forgetSetting } from './settings-cache';
import { families, keyOf } from './table-schema';

export interface Versioned<T> {
  value: T;
  version: number;
}

/**
 * A workspace setting kept as one versioned item (`pk = sk = entity`, its family in the table schema; the value in `field`) and
 * read through the settings cache on busy paths: the teams, the sharing of record types. Saving is
 * optimistic: `put` writes `version + 1` only over the version it was given.
 */
export function versionedSetting<T>(family: 'teams' | 'sharing', field: string, empty: T) {
  const { entity } = families[family];
  const key = keyOf(family, {});
  const cacheKey = `setting:${entity}`;
  return {
    /** `fresh`: skip this container's copy, for a read-modify-write. */
    get(fresh = false): Promise<Versioned<T>> {
      if (fresh) forgetSetting(cacheKey);
      return cachedSetting(cacheKey, async () => {
        const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key }));
        return Item ? { value: Item[field] as T, version: Number(Item.version) } : { value: empty, version: 0 };
      });
    },
    /** False when someone saved in between. */
    async put({ value, version }: Versioned<T>): Promise<boolean> {
      try {
        await dynamo().send(
          new PutCommand({
            TableName: tableName(),
            Item: { ...key, entity, [field]: value, version: version + 1 },
            ...conditionParams(version === 0 ? mustNotExist : mustHaveVersion(version)),
          }),
        );
        forgetSetting(cacheKey);
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}
