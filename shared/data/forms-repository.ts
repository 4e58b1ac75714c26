import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Form } from '../domain/forms/form';
import { dynamo, tableName } from './dynamo-client';
import { cachedSetting, forgetSetting } from './settings-cache';
import { queryAll } from './query-all';
import { entities, formKeys } from './keys';
import { conditionParams, mustHaveVersion, mustNotExist, stripLayout } from './record-item';
import { indexes } from './table-schema';

/** Web-to-lead forms. A form's settings are configuration, not a record with a timeline. */

export async function getForm(id: string): Promise<Form | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: formKeys.item(id) }));
  return Item ? stripLayout<Form>(Item) : undefined;
}

/** Public posts read a form through the settings cache: a busy form costs no read per post. */
export const getFormCached = (id: string): Promise<Form | undefined> => cachedSetting(`form:${id}`, () => getForm(id));

/** Writes a form; `expectedVersion` undefined means it must be new. Returns false on a lost race. */
export async function putForm(form: Form, expectedVersion?: number): Promise<boolean> {
  const condition = expectedVersion === undefined ? mustNotExist : mustHaveVersion(expectedVersion);
  try {
    await dynamo().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...formKeys.item(form.id), entity: entities.form, ...formKeys.collection(form.id), ...form },
        ...conditionParams(condition),
      }),
    );
    forgetSetting(`form:${form.id}`);
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** All forms by id; a company has a handful, read in pages of 100. */
export function listForms(): Promise<Form[]> {
  return queryAll<Form>({
    TableName: tableName(),
    IndexName: indexes.gsi1,
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': formKeys.collection('').gsi1pk },
  });
}

/** Which lead a form-submitted email last produced, and when. */
export interface FormEmailMark {
  leadId: string;
  lastCapturedAt: string;
}

export function toFormEmailMark(item: Record<string, unknown>): FormEmailMark {
  return { leadId: String(item.leadId), lastCapturedAt: String(item.lastCapturedAt) };
}
