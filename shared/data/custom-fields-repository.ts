import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { CustomField, CustomizableType } from '../domain/custom-fields/custom-field';
import { dynamo, tableName } from './dynamo-client';
import { cachedSetting, forgetSetting } from './settings-cache';
import { conditionParams, mustHaveVersion, mustNotExist } from './record-item';
import { families, keyOf } from './table-schema';

/** A record type's custom field definitions: one versioned item per type, read with every write of that type. */
export interface CustomFieldSet {
  fields: CustomField[];
  version: number;
}

const key = (type: CustomizableType) => keyOf('customFields', { type });

/** Read through the settings cache: every write of the type checks its custom values. */
export function getCustomFields(type: CustomizableType): Promise<CustomFieldSet> {
  return cachedSetting(`custom-fields:${type}`, async () => {
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: key(type) }));
    return Item ? { fields: Item.fields as CustomField[], version: Number(Item.version) } : { fields: [], version: 0 };
  });
}

/** Saves the definitions as `set.version + 1`; false when someone saved them in between. */
export async function putCustomFields(type: CustomizableType, set: CustomFieldSet): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key(type), entity: families.customFields.entity, recordType: type, fields: set.fields, version: set.version + 1 },
        ...conditionParams(set.version === 0 ? mustNotExist : mustHaveVersion(set.version)),
      }),
    );
    forgetSetting(`custom-fields:${type}`);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
