import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../api/contracts';
import { leadKind, type Lead, type ListLeadsQuery } from '../domain/leads/lead';
import type { LeadChange } from '../domain/leads/lead-commands';
import { commitChange, type ChangeSet, type GuardedPut } from './change-set';
import type { Redirect } from '../domain/duplicates/merge';
import { matchIndexChange } from './match-index';
import { ownersFilter } from './owners-filter';
import { customFilterExpressions, getRecords, redirectEntity, type CustomFilter } from './records-repository';
import { searchIndexChange } from './search-index';
import { decodeCursor, encodeCursor } from './cursor';
import { dynamo, tableName } from './dynamo-client';
import { queryAll } from './query-all';
import { entities, leadKeys } from './keys';
import { mustHaveVersion, mustNotExist, stripLayout } from './record-item';

/** Leads in the single table. Access patterns: docs/data-model.md#leads. */

export function leadItem(lead: Lead): GuardedPut['item'] {
  return {
    ...leadKeys.item(lead.id),
    entity: entities.lead,
    ...leadKeys.collection(lead.createdAt, lead.id),
    ...leadKeys.byOwner(lead.ownerId, lead.createdAt, lead.id),
    ...leadKeys.byStatus(lead.status, lead.createdAt, lead.id),
    ...lead,
  };
}

/** A lead; undefined for a lead merged into another (its key then holds the redirect). */
export async function getLead(id: string): Promise<Lead | undefined> {
  return (await getLeadOrRedirect(id)).lead;
}

/** The lead, or the redirect left where a merged one was: one GetItem either way. */
export async function getLeadOrRedirect(id: string): Promise<{ lead?: Lead; redirect?: Redirect }> {
  const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: leadKeys.item(id) }));
  if (!Item) return {};
  return Item.entity === redirectEntity ? { redirect: stripLayout<Redirect>(Item) } : { lead: stripLayout<Lead>(Item) };
}

/** The lead, or the one it was merged into (following up to a few merges in a row). */
export async function getLeadFollowingMerges(id: string): Promise<Lead | undefined> {
  let next: string | undefined = id;
  for (let hop = 0; next && hop < 5; hop++) {
    const { lead, redirect }: { lead?: Lead; redirect?: Redirect } = await getLeadOrRedirect(next);
    if (lead) return lead;
    next = redirect?.mergedInto;
  }
  return undefined;
}

/** Several leads by id in one BatchGetItem, merged ones left out. */
export const getLeads = (ids: readonly string[]): Promise<Map<string, Lead>> => getRecords(leadKind, ids);

/**
 * The lead change as one transaction: a new lead must not exist, an edited one must be unchanged
 * since `before` was read; its history entry carries its events; its search terms follow it.
 * `extraPuts` come right after the lead (the web-to-lead email mark is put 1).
 */
export function leadChangeSet(change: LeadChange, before?: Lead, extraPuts: GuardedPut[] = []): ChangeSet {
  const search = searchIndexChange(leadKind, before, change.lead);
  const matches = matchIndexChange(leadKind, before, change.lead);
  return {
    puts: [{ item: leadItem(change.lead), condition: before ? mustHaveVersion(before.version) : mustNotExist }, ...extraPuts, ...search.puts, ...matches.puts],
    history: [{ recordPk: leadKeys.item(change.lead.id).pk, entry: change.history }],
    events: change.events,
    deletes: [...search.deletes, ...matches.deletes],
  };
}

export async function saveLeadChange(change: LeadChange, before?: Lead, alsoPut: GuardedPut[] = []): Promise<void> {
  await commitChange(leadChangeSet(change, before, alsoPut));
}

/**
 * One Query per page. The most selective index serves the request (owner, then status, then the
 * whole collection); the remaining filters are applied by DynamoDB to that page.
 */
/** `owners`: only leads of these owners (a team's), as a filter on the page read. */
export async function listLeads(query: ListLeadsQuery, customFilters: readonly CustomFilter[] = [], owners?: readonly string[]): Promise<Page<Lead>> {
  const index = query.ownerId
    ? { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk', value: leadKeys.byOwner(query.ownerId, '', '').gsi2pk }
    : query.status
      ? { name: 'gsi3', pk: 'gsi3pk', sk: 'gsi3sk', value: leadKeys.byStatus(query.status, '', '').gsi3pk }
      : { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk', value: leadKeys.collection('', '').gsi1pk };

  const filters: string[] = [];
  const names: Record<string, string> = { '#pk': index.pk };
  const values: Record<string, unknown> = { ':pk': index.value };
  if (query.status && index.name !== 'gsi3') {
    filters.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = query.status;
  }
  if (query.channel) {
    filters.push('#source.#channel = :channel');
    names['#source'] = 'source';
    names['#channel'] = 'channel';
    values[':channel'] = query.channel;
  }
  filters.push(...customFilterExpressions(customFilters, names, values));
  if (owners) filters.push(ownersFilter(owners, names, values));

  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: index.name,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
    ScanIndexForward: query.sort === 'createdAt',
    Limit: query.limit,
    ExclusiveStartKey: decodeCursor(query.cursor, ['pk', 'sk', index.pk, index.sk]),
  };
  const result = await dynamo().send(new QueryCommand(input));
  const nextCursor = encodeCursor(result.LastEvaluatedKey);
  return {
    items: (result.Items ?? []).map((item) => stripLayout<Lead>(item)),
    ...(nextCursor ? { nextCursor } : {}),
  };
}

/** Leads in a status created before a moment, oldest first, all pages (for scheduled jobs). */
export function leadsInStatusCreatedBefore(status: Lead['status'], before: string): Promise<Lead[]> {
  return queryAll<Lead>({
    TableName: tableName(),
    IndexName: 'gsi3',
    KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :before',
    ExpressionAttributeValues: { ':pk': leadKeys.byStatus(status, '', '').gsi3pk, ':before': before },
  });
}
