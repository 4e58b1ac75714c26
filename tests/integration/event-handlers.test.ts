import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventHandler } from '../../functions/handlers/event-handler';
import { MalformedInput } from '../../functions/handlers/handler-tools';
import { scheduleHandler } from '../../functions/handlers/schedule-handler';
import { createLeadSchema } from '../../shared/domain/leads/lead';
import type { DomainEvent } from '../../shared/events/contracts';
import { leads } from '../../shared/services/lead-records';
import { rep } from '../support/api-event';
import { busEvent, deliver, scheduledEvent } from '../support/bus-events';
import { allItems } from '../support/table-items';

/**
 * The wrappers every rule consumer and schedule runs on (ADR 0018), against the real table (their
 * idempotency and version records live there): parse or refuse, once per event or scheduled time,
 * older versions ignored, the log keyed by event and correlation id, time and ids injected.
 */
type LogLine = Record<string, unknown> & { level: string; message: string };
let lines: LogLine[] = [];

beforeEach(() => {
  lines = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      const text = String(chunk);
      if (text.startsWith('{"level"')) lines.push(JSON.parse(text) as LogLine);
      return write(chunk as string, ...(rest as []));
    }) as typeof stream.write);
  }
});

afterEach(() => vi.restoreAllMocks());

const fixedNow = new Date('2030-01-15T09:00:00.000Z');
const salesRep = { type: 'user' as const, id: rep.sub, email: rep.email, roles: ['sales-rep' as const] };
const ref = (id: string, version: number) => ({ type: 'contact' as const, id, ownerId: 'owner-1', title: 'Иванов', version });

describe('eventHandler', () => {
  const done: string[] = [];
  const exports = eventHandler(
    'test-export-consumer',
    ['ExportRequested'],
    async (event, tools) => {
      done.push(event.detail.exportId);
      return { exportId: event.detail.exportId, at: tools.now().toISOString(), id: tools.newId() };
    },
    { tools: { now: () => fixedNow, newId: () => 'fixed-id' } },
  );

  it('runs an event once however often it is delivered, with the injected clock and ids', async () => {
    const event = busEvent('ExportRequested', { exportId: 'exp-1' });
    const first = await deliver(exports, event);
    const again = await deliver(exports, { ...event, id: 'another-bus-delivery' });
    expect(first).toEqual({ exportId: 'exp-1', at: fixedNow.toISOString(), id: 'fixed-id' });
    expect(again).toEqual(first);
    expect(done.filter((id) => id === 'exp-1')).toHaveLength(1);
  });

  it('logs a line carrying the event id and the correlation id: its own for a first event, the chain’s when the detail names one', async () => {
    const first = busEvent('ExportRequested', { exportId: 'exp-2' }, { eventId: 'evt-first' });
    await deliver(exports, first);
    expect(lines.find((l) => l.message === 'Event handled')).toMatchObject({ level: 'INFO', consumer: 'test-export-consumer', eventType: 'ExportRequested', eventId: 'evt-first', correlationId: 'evt-first' });

    lines = [];
    const chained = busEvent('ExportRequested', { exportId: 'exp-3' }, { eventId: 'evt-chained' });
    await deliver(exports, { ...chained, detail: { ...chained.detail, correlationId: 'request-42' } });
    expect(lines.find((l) => l.message === 'Event handled')).toMatchObject({ eventId: 'evt-chained', correlationId: 'request-42' });
  });

  it('refuses a malformed detail: logged with what identifies it and thrown for the dead-letter queue, nothing done', async () => {
    const before = done.length;
    const malformed = busEvent('ExportRequested', { exportId: 'exp-4' }, { eventId: 'evt-malformed' });
    await expect(deliver(exports, { ...malformed, detail: { eventId: 'evt-malformed', occurredAt: malformed.detail.occurredAt } })).rejects.toThrow(MalformedInput);
    const refused = lines.find((l) => l.level === 'ERROR');
    expect(refused).toMatchObject({ message: 'Malformed event; refused for the dead-letter queue', eventId: 'evt-malformed', detailType: 'ExportRequested' });
    expect(String(refused?.problems)).toContain('detail.exportId');
    // Nor is a half-taken event recorded: the same event, well-formed, still runs.
    await deliver(exports, malformed);
    expect(done.slice(before)).toEqual(['exp-4']);
  });

  it('refuses an event type it does not take, and an envelope that is not EventBridge’s', async () => {
    await expect(deliver(exports, busEvent('ImportRequested', { importId: 'imp-1', phase: 'read', step: 0 }))).rejects.toThrow(/not one this consumer takes/);
    await expect(deliver(exports, { detail: { exportId: 'exp-5', eventId: 'evt-5', occurredAt: fixedNow.toISOString() } })).rejects.toThrow(MalformedInput);
    expect(done).not.toContain('exp-5');
  });

  it('runs again an event whose run failed (the retry is not taken for a done one)', async () => {
    let attempts = 0;
    const flaky = eventHandler('test-flaky-consumer', ['ExportRequested'], async () => {
      if (++attempts === 1) throw new Error('the table is busy');
      return { attempts };
    });
    const event = busEvent('ExportRequested', { exportId: 'exp-6' });
    await expect(deliver(flaky, event)).rejects.toThrow('the table is busy');
    expect(await deliver(flaky, event)).toEqual({ attempts: 2 });
  });

  it('passes the correlation id on to the events its consumer’s changes announce; work outside a handler starts none', async () => {
    const chained = eventHandler('test-chain-consumer', ['ExportRequested'], async () => (await leads.create(salesRep, createLeadSchema.parse({ lastName: 'Цепной', email: 'chain@example.ru' }))).id);
    const leadId = await deliver<string>(chained, busEvent('ExportRequested', { exportId: 'exp-chain' }, { eventId: 'evt-root' }));
    const outside = await leads.create(salesRep, createLeadSchema.parse({ lastName: 'Вольный', email: 'free@example.ru' }));
    const announced = async (id: string) => (await allItems()).filter((item) => item.pk === `LEAD#${id}` && Array.isArray(item.events)).flatMap((item) => item.events as DomainEvent[]);
    expect((await announced(leadId)).map((e) => [e.type, (e.detail as { correlationId?: string }).correlationId])).toEqual([['LeadCreated', 'evt-root']]);
    expect((await announced(outside.id)).map((e) => [e.type, (e.detail as { correlationId?: string }).correlationId])).toEqual([['LeadCreated', undefined]]);
  });

  it('ignores an event older than the version of the record it already handled', async () => {
    const seen: number[] = [];
    const ordered = eventHandler(
      'test-ordered-consumer',
      ['RecordUpdated'],
      async (event) => {
        seen.push(event.detail.record.version);
        return { version: event.detail.record.version };
      },
      { orderBy: (event) => ({ key: `${event.detail.record.type}#${event.detail.record.id}`, version: event.detail.record.version }) },
    );
    const updated = (version: number) => busEvent('RecordUpdated', { record: ref('c-1', version), changedFields: ['lastName'], actorId: 'u-1' });
    expect(await deliver(ordered, updated(3))).toEqual({ version: 3 });
    expect(await deliver(ordered, updated(2))).toEqual({ ignored: 'older-version', version: 2 });
    expect(lines.find((l) => l.message === 'Older than the version already handled; ignored')).toMatchObject({ record: 'contact#c-1', version: 2 });
    // Another event of the same version (two events of one change) is not older.
    expect(await deliver(ordered, updated(3))).toEqual({ version: 3 });
    // Another record's versions are its own.
    expect(await deliver(ordered, busEvent('RecordUpdated', { record: ref('c-2', 1), changedFields: [], actorId: 'u-1' }))).toEqual({ version: 1 });
    expect(seen).toEqual([3, 3, 1]);
  });
});

describe('scheduleHandler', () => {
  const runs: string[] = [];
  const digest = scheduleHandler('test-schedule-consumer', async (run, tools) => {
    runs.push(tools.now().toISOString());
    return { schedule: run.schedule, at: tools.now().toISOString() };
  });

  it('runs a scheduled time once however many attempts it takes, at the scheduled time', async () => {
    const at = '2030-01-15T06:00:00.000Z';
    const first = await deliver(digest, scheduledEvent('new-leads-morning-digest', at));
    const retried = await deliver(digest, scheduledEvent('new-leads-morning-digest', at));
    expect(first).toEqual({ schedule: 'new-leads-morning-digest', at });
    expect(retried).toEqual(first);
    expect(runs).toEqual([at]);
    expect(lines.find((l) => l.message === 'Scheduled run handled')).toMatchObject({ schedule: 'new-leads-morning-digest', scheduledTime: at, eventId: expect.any(String), correlationId: expect.any(String) });

    await deliver(digest, scheduledEvent('new-leads-morning-digest', '2030-01-16T06:00:00.000Z'));
    expect(runs).toEqual([at, '2030-01-16T06:00:00.000Z']);
  });

  it('refuses what is not a Scheduler run, nothing done', async () => {
    const event = scheduledEvent('activity-reminders', '2030-01-15T07:00:00.000Z');
    await expect(deliver(digest, { ...event, resources: [] })).rejects.toThrow(MalformedInput);
    await expect(deliver(digest, {})).rejects.toThrow(MalformedInput);
    expect(lines.filter((l) => l.level === 'ERROR').map((l) => l.message)).toEqual(['Malformed scheduled event; refused for the dead-letter queue', 'Malformed scheduled event; refused for the dead-letter queue']);
    expect(runs).not.toContain('2030-01-15T07:00:00.000Z');
  });
});
