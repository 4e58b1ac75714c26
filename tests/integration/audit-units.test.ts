import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { appTable, itemReadUnits, itemSize, projectedItem, writeCharges, type Item } from '../../bench/capacity-units';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { dynamo, tableName } from '../../shared/data/dynamo-client';
import { putUser } from '../../shared/data/users-repository';
import { apiEvent, invoke, rep } from '../support/api-event';

/**
 * What an audited record read costs in DynamoDB (issue 14 §5): at most 2 write units and 1 read
 * unit in all, the audit included. Every request the handler makes is captured at the client and
 * priced by DynamoDB's billing rules from the items' sizes and the indexes' projections
 * (bench/capacity-units.ts), not by what DynamoDB Local reports.
 */
interface Sent {
  name: string;
  input: Record<string, any>;
  output: Record<string, any>;
}

const options = { removeUndefinedValues: true, convertClassInstanceToMap: false };
const wire = (item: Record<string, unknown>) => marshall(item, options) as unknown as Item;

/** Captures the requests of `run`, each with its answer. */
async function capture(run: () => Promise<unknown>): Promise<Sent[]> {
  const client = dynamo();
  const send = client.send.bind(client) as (command: unknown) => Promise<Record<string, any>>;
  const sent: Sent[] = [];
  vi.spyOn(client, 'send').mockImplementation((async (command: { constructor: { name: string }; input: Record<string, any> }) => {
    const output = await send(command);
    sent.push({ name: command.constructor.name, input: command.input, output });
    return output;
  }) as never);
  await run();
  vi.restoreAllMocks();
  return sent;
}

/** Units of the requests an audited read may make: GetItem and PutItem of a new item; anything else fails the test. */
function unitsOf(sent: readonly Sent[]): { write: number; read: number } {
  let write = 0;
  let read = 0;
  for (const { name, input, output } of sent) {
    if (name === 'GetCommand') read += itemReadUnits([output.Item ? wire(output.Item) : undefined], input.ConsistentRead ? 'strong' : 'eventual');
    else if (name === 'PutCommand') write += writeCharges({ after: wire(input.Item) }).reduce((sum, charge) => sum + charge.units, 0);
    else throw new Error(`an audited read made a ${name}`);
  }
  return { write, read };
}

const read = (leadId: string) => invoke(leadsApi, apiEvent({ route: 'GET /api/leads/{leadId}', user: rep, pathParameters: { leadId } }));

let leadId: string;
beforeAll(async () => {
  await putUser({ id: rep.sub, email: rep.email, name: 'Роман Репин', roles: ['sales-rep'] });
  const created = await invoke<{ id: string }>(leadsApi, apiEvent({ route: 'POST /api/leads', user: rep, body: { lastName: 'Единицын', email: 'units@client.example', company: 'ООО «Счёт»' } }));
  leadId = created.body.id;
  // The settings a read consults (teams, sharing) are cached per container: a warm read is measured.
  expect((await read(leadId)).status).toBe(200);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an audited record read', () => {
  it('costs at most 2 write units and 1 read unit in DynamoDB, the audit included', async () => {
    let status = 0;
    const sent = await capture(async () => {
      status = (await read(leadId)).status;
    });
    expect(status).toBe(200);
    // The caller's standing and the record, both eventually consistent; the entry, a plain put.
    expect(sent.map((s) => s.name).sort()).toEqual(['GetCommand', 'GetCommand', 'PutCommand']);
    const entry = sent.find((s) => s.name === 'PutCommand')!.input.Item as Record<string, unknown>;
    expect(entry).toMatchObject({ entity: 'AUDIT', action: 'read', recordId: leadId });
    const units = unitsOf(sent);
    const gsi1 = projectedItem(wire(entry), appTable.indexes.find((index) => index.name === 'gsi1')!)!;
    console.info(`audited read: ${units.write} WU + ${units.read} RU (the entry ${itemSize(wire(entry))} B, its gsi1 part ${itemSize(gsi1)} B)`);
    expect(units.write).toBeLessThanOrEqual(2);
    expect(units.read).toBeLessThanOrEqual(1);
  });
});

describe('the audit of a change', () => {
  it('stays a transaction with a strong check of the caller: what it costs, for the record', async () => {
    const sent = await capture(async () => {
      const res = await invoke(leadsApi, apiEvent({ route: 'PATCH /api/leads/{leadId}', user: rep, pathParameters: { leadId }, body: { version: 1, topic: 'Пересчёт' } }));
      expect(res.status).toBe(200);
    });
    const audit = sent.find((s) => s.name === 'TransactWriteCommand' && s.input.TransactItems.some((i: Record<string, any>) => i.Put?.Item?.entity === 'AUDIT'))!;
    expect(audit.input.TransactItems).toHaveLength(2);
    const checked = (await dynamo().send(new GetCommand({ TableName: tableName(), Key: audit.input.TransactItems[1].ConditionCheck.Key }))).Item!;
    const units =
      writeCharges({ after: wire(audit.input.TransactItems[0].Put.Item), transactional: true }).reduce((sum, c) => sum + c.units, 0) +
      writeCharges({ before: wire(checked), conditionCheck: true }).reduce((sum, c) => sum + c.units, 0);
    console.info(`a change's audit: ${units} WU`);
    // The entry twice (transactional) and its index entry once, the checked user item twice.
    expect(units).toBe(5);
  });
});
