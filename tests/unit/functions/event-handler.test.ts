import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventHandler } from '../../../functions/handlers/event-handler';
import { MalformedInput } from '../../../functions/handlers/handler-tools';
import { scheduleHandler } from '../../../functions/handlers/schedule-handler';
import { logger } from '../../../functions/observability/logger';
import { leadRef } from '../../../shared/events/contracts';
import { leadRefSchema, recordRefSchema } from '../../../shared/events/detail-schemas';
import { recordRef } from '../../../shared/domain/records/record-commands';
import { kinds } from '../../../shared/domain/records/kinds';
import type { Lead } from '../../../shared/domain/leads/lead';
import type { RecordBase } from '../../../shared/domain/records/record-type';

/**
 * What the wrappers refuse before they touch anything (no table here: a refused event never
 * reaches the idempotency store), and the refs producers build parsing with the schemas
 * consumers parse them with: one source.
 */
const context = { functionName: 'unit', awsRequestId: 'unit', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const envelope = (detailType: string, detail: object) => ({
  version: '0',
  id: 'bus-1',
  source: 'crm.transfers',
  account: '000000000000',
  time: '2030-01-15T09:00:00Z',
  region: 'eu-central-1',
  resources: [],
  'detail-type': detailType,
  detail,
});

afterEach(() => vi.restoreAllMocks());

describe('eventHandler refuses, logs and throws before anything runs', () => {
  const run = vi.fn(async () => ({ done: true }));
  const consumer = eventHandler('unit-consumer', ['ImportRequested'], run);

  it.each([
    ['a detail missing a field', envelope('ImportRequested', { importId: 'imp-1', step: 1, eventId: 'evt-1', occurredAt: '2030-01-15T09:00:00.000Z' }), 'detail.phase'],
    ['a field of the wrong kind', envelope('ImportRequested', { importId: 'imp-1', phase: 'import', step: -1, eventId: 'evt-1', occurredAt: '2030-01-15T09:00:00.000Z' }), 'detail.step'],
    ['no event id from the outbox', envelope('ImportRequested', { importId: 'imp-1', phase: 'read', step: 0, occurredAt: '2030-01-15T09:00:00.000Z' }), 'detail.eventId'],
    ['a type it does not take', envelope('ExportRequested', { exportId: 'exp-1', eventId: 'evt-1', occurredAt: '2030-01-15T09:00:00.000Z' }), 'not one this consumer takes'],
    ['no EventBridge envelope', { detail: { importId: 'imp-1', phase: 'read', step: 0, eventId: 'evt-1', occurredAt: '2030-01-15T09:00:00.000Z' } }, 'time'],
  ])('%s', async (_what, event, problem) => {
    const error = vi.spyOn(logger, 'error');
    await expect(consumer(event, context)).rejects.toThrow(MalformedInput);
    expect(run).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledOnce();
    const [message, fields] = error.mock.calls[0] as unknown as [string, { problems: string[] }];
    expect(message).toBe('Malformed event; refused for the dead-letter queue');
    expect(fields.problems.join('; ')).toContain(problem);
  });
});

describe('scheduleHandler refuses what is not a Scheduler run', () => {
  const run = vi.fn(async () => ({ done: true }));
  const consumer = scheduleHandler('unit-schedule', run);
  const scheduled = { ...envelope('Scheduled Event', {}), source: 'aws.scheduler', resources: ['arn:aws:scheduler:eu-central-1:000000000000:schedule/crm-unit/activity-reminders'] };

  it.each([
    ['a rule event', envelope('ImportRequested', {})],
    ['no schedule named', { ...scheduled, resources: [] }],
    ['an ARN that is not a schedule', { ...scheduled, resources: ['arn:aws:events:eu-central-1:000000000000:rule/crm-unit/x'] }],
    ['the empty input Scheduler sends without one', {}],
  ])('%s', async (_what, event) => {
    const error = vi.spyOn(logger, 'error');
    await expect(consumer(event, context)).rejects.toThrow(MalformedInput);
    expect(run).not.toHaveBeenCalled();
    expect(error.mock.calls[0]?.[0]).toBe('Malformed scheduled event; refused for the dead-letter queue');
  });
});

describe('the refs producers build parse with the schemas consumers use', () => {
  const base = { id: '01J0000000000000000000000A', ownerId: 'u-1', createdAt: '2030-01-01T00:00:00.000Z', updatedAt: '2030-01-02T00:00:00.000Z', version: 3 };

  it('a lead ref carries its version', () => {
    const lead = { ...base, lastName: 'Иванов', status: 'new', source: { channel: 'website' }, email: 'ivanov@example.ru' } as unknown as Lead;
    expect(leadRefSchema.parse(leadRef(lead))).toEqual({ id: base.id, ownerId: 'u-1', status: 'new', version: 3, name: 'Иванов', email: 'ivanov@example.ru' });
  });

  it('a record ref carries its version (accounts, contacts, activities, cases)', () => {
    const samples: Record<string, object> = {
      account: { name: 'ООО «Ромашка»' },
      contact: { lastName: 'Петров' },
      activity: { kind: 'call', subject: 'Позвонить', status: 'open', regarding: { type: 'account', id: 'a' } },
      case: { subject: 'Вопрос', kind: 'question', priority: 'normal', status: 'new', channel: 'phone', accountId: 'a' },
    };
    for (const [type, fields] of Object.entries(samples)) {
      const kind = kinds[type as keyof typeof kinds];
      const ref = recordRef(kind, { ...base, ...fields } as RecordBase);
      expect(recordRefSchema.parse(ref), type).toMatchObject({ type, id: base.id, ownerId: 'u-1', version: 3 });
    }
  });
});
