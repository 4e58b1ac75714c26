import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Form } from '../domain/forms/form';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { entities, formKeys } from './keys';
import { conditionParams, mustHaveVersion, mustNotExist, stripLayout } from './record-item';

/** Web-to-lead forms. A form's settings are configuration, not a record with a timeline. */

export async function getForm(id: string): Promise<Form | undefined> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: formKeys.item(id) }));
  return Item ? stripLayout<Form>(Item) : undefined;
}

/**
 * Public posts read a form through a per-container cache: a busy form costs no read per post, and
 * an edit reaches every container within `formCacheMs` (at once in the container that made it).
 * Unknown ids are cached too, so bots probing ids cost no reads; the size cap bounds what they can fill.
 */
const formCacheMs = 30_000;
const formCacheSize = 200;
const formCache = new Map<string, { form: Form | undefined; until: number }>();

export async function getFormCached(id: string, now = Date.now()): Promise<Form | undefined> {
  const hit = formCache.get(id);
  if (hit && hit.until > now) return hit.form;
  const form = await getForm(id);
  if (formCache.size >= formCacheSize) formCache.clear();
  formCache.set(id, { form, until: now + formCacheMs });
  return form;
}

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
    formCache.delete(form.id);
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
    IndexName: 'gsi1',
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
