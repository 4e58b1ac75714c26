import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalEventBus } from '../../../infra/local/event-bus';
import { createLambdaRuntime } from '../../../infra/local/lambda-runtime';
import { accountId, credentials, fixtureDefinition, fixtureFunction, region } from './fixtures/definition';
import { behaviours, callsOf, reset } from './fixtures/handlers';

/**
 * The local bus, spoken to by the real EventBridge SDK client: EventBridge's answers, delivery to
 * the handler of every matching rule with the EventBridge event shape, at-least-once retries.
 */
const definition = fixtureDefinition({
  functions: [fixtureFunction('on-captured'), fixtureFunction('on-any-lead'), fixtureFunction('flaky')],
  rules: [
    { id: 'captured', description: '', eventPattern: { source: ['crm.leads'], 'detail-type': ['LeadCaptured'] }, function: 'on-captured' },
    { id: 'any-lead', description: '', eventPattern: { source: [{ prefix: 'crm.' }], detail: { lead: { status: [{ 'anything-but': 'rejected' }] } } }, function: 'on-any-lead' },
    { id: 'flaky', description: '', eventPattern: { 'detail-type': ['Flaky'] }, function: 'flaky' },
  ],
});
const busName = 'crm-test';
let bus: LocalEventBus;
let client: EventBridgeClient;

const entry = (detailType: string, detail: object, source = 'crm.leads') => ({ EventBusName: busName, Source: source, DetailType: detailType, Detail: JSON.stringify(detail) });

beforeAll(async () => {
  const runtime = createLambdaRuntime(definition, { region, accountId });
  bus = new LocalEventBus({ definition, busName, region, accountId, runtime, retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 } });
  client = new EventBridgeClient({ endpoint: await bus.listen(), region, credentials });
});

afterAll(async () => {
  client.destroy();
  await bus.close();
});

beforeEach(reset);

describe('the local event bus', () => {
  it('answers PutEvents like EventBridge and delivers each event to every matching rule, once', async () => {
    const time = new Date('2026-11-20T10:00:00.250Z');
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          { ...entry('LeadCaptured', { lead: { id: 'L1', status: 'new' }, formId: 'website' }), Time: time, Resources: ['arn:crm:lead/L1'] },
          entry('LeadRejected', { lead: { id: 'L2', status: 'rejected' } }),
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(0);
    expect(result.Entries).toEqual([{ EventId: expect.any(String) }, { EventId: expect.any(String) }]);
    await bus.idle();

    expect(callsOf('on-captured')).toHaveLength(1);
    expect(callsOf('on-captured')[0]!.event).toEqual({
      version: '0',
      id: result.Entries![0]!.EventId,
      'detail-type': 'LeadCaptured',
      source: 'crm.leads',
      account: accountId,
      time: '2026-11-20T10:00:00Z',
      region,
      resources: ['arn:crm:lead/L1'],
      detail: { lead: { id: 'L1', status: 'new' }, formId: 'website' },
    });
    // The rejected lead matches neither rule; the captured one also matches "any-lead".
    expect(callsOf('on-any-lead').map((c) => c.event.detail.lead.id)).toEqual(['L1']);
  });

  it('refuses malformed entries one by one, as EventBridge does, and accepts the rest', async () => {
    const result = await client.send(
      new PutEventsCommand({
        Entries: [
          { ...entry('LeadCaptured', {}), Detail: 'not json' },
          { ...entry('LeadCaptured', {}), Detail: '[1,2]' },
          { ...entry('LeadCaptured', {}), EventBusName: 'someone-elses-bus' },
          { Source: 'crm.leads', Detail: '{}', EventBusName: busName },
          entry('LeadCaptured', { lead: { id: 'ok', status: 'new' } }),
        ],
      }),
    );
    expect(result.FailedEntryCount).toBe(4);
    expect(result.Entries!.map((e) => e.ErrorCode ?? 'accepted')).toEqual(['MalformedDetail', 'MalformedDetail', 'ResourceNotFoundException', 'InvalidArgument', 'accepted']);
    await bus.idle();
    expect(callsOf('on-captured').map((c) => c.event.detail.lead.id)).toEqual(['ok']);
  });

  it('accepts the bus by ARN as well as by name', async () => {
    const result = await client.send(new PutEventsCommand({ Entries: [{ ...entry('Other', {}), EventBusName: `arn:aws:events:${region}:${accountId}:event-bus/${busName}` }] }));
    expect(result.FailedEntryCount).toBe(0);
  });

  it('rejects a request of more than 10 entries, and any other operation', async () => {
    const eleven = Array.from({ length: 11 }, () => entry('LeadCaptured', {}));
    await expect(client.send(new PutEventsCommand({ Entries: eleven }))).rejects.toMatchObject({ name: 'ValidationException' });
    const other = await fetch(bus.endpoint, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.ListRules', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(other.status).toBe(400);
    expect(await other.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });

  it('retries a failing target until it succeeds (at least once)', async () => {
    let failures = 2;
    behaviours.set('flaky', () => {
      if (failures-- > 0) throw new Error('not yet');
      return 'done';
    });
    await client.send(new PutEventsCommand({ Entries: [entry('Flaky', { n: 1 })] }));
    await bus.idle();
    const calls = callsOf('flaky');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.event.id)).size).toBe(1);
  });

  it('gives up after its retries and logs what finally failed', async () => {
    behaviours.set('flaky', () => {
      throw new Error('always broken');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await client.send(new PutEventsCommand({ Entries: [entry('Flaky', { n: 2 })] }));
    await bus.idle();
    expect(callsOf('flaky')).toHaveLength(4);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/rule flaky gave up on event .* \(Flaky\) after 4 attempts/), expect.objectContaining({ message: 'always broken' }));
    error.mockRestore();
  });

  it('tells subscribers about every accepted event, rule or no rule, until they unsubscribe', async () => {
    const seen: string[] = [];
    const unsubscribe = bus.onEvent((event) => seen.push(event['detail-type']));
    await client.send(new PutEventsCommand({ Entries: [entry('NobodyListens', {}), entry('LeadCaptured', { lead: { id: 'x', status: 'new' } })] }));
    unsubscribe();
    await client.send(new PutEventsCommand({ Entries: [entry('AfterUnsubscribe', {})] }));
    await bus.idle();
    expect(seen).toEqual(['NobodyListens', 'LeadCaptured']);
  });

  it('refuses a rule whose pattern leaves the supported subset, or whose function is unknown', () => {
    const runtime = createLambdaRuntime(definition, { region, accountId });
    const withRule = (rule: object) => fixtureDefinition({ functions: definition.functions, rules: [{ id: 'r', description: '', function: 'flaky', eventPattern: { source: ['x'] }, ...rule }] });
    expect(() => new LocalEventBus({ definition: withRule({ eventPattern: { source: [{ wildcard: 'crm.*' }] } }), busName, region, accountId, runtime })).toThrow(/rule r.source\[0\]: operator "wildcard"/);
    expect(() => new LocalEventBus({ definition: withRule({ function: 'ghost' }), busName, region, accountId, runtime })).toThrow(/No function "ghost"/);
  });
});
