import type { Context } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { MalformedInput } from '../../../functions/handlers/handler-tools';
import { momentHandler } from '../../../functions/handlers/moment-handler';
import { logger } from '../../../functions/observability/logger';
import { recordRef } from '../../../shared/domain/records/record-commands';
import { activityKind, type Activity } from '../../../shared/domain/activities/activity';
import { recordRefSchema } from '../../../shared/events/detail-schemas';

/**
 * What a one-time moment's handler refuses before it touches anything (no table: a refused fire
 * never reaches the idempotency store), and the reminder an activity's events carry (ADR 0012).
 */
const context = { functionName: 'unit', awsRequestId: 'unit', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;
const moment = { kind: 'reminder', subject: { type: 'activity', id: '01M9ACT' }, at: '2031-03-02T06:30:00.000Z' };
const fired = {
  version: '0',
  id: 'execution-1',
  'detail-type': 'Scheduled Event',
  source: 'aws.scheduler',
  account: '000000000000',
  time: '2031-03-02T06:30:00Z',
  region: 'eu-central-1',
  resources: ['arn:aws:scheduler:eu-central-1:000000000000:schedule/crm-unit/reminder-activity-01M9ACT'],
  detail: moment,
};

describe('momentHandler refuses what is not a fire of its kind of moment', () => {
  const run = vi.fn(async () => ({ sent: true }));
  const consumer = momentHandler('unit-moment', 'reminder', run);

  it.each([
    ['a cron run (no moment)', { ...fired, detail: {} }],
    ['another kind of moment', { ...fired, detail: { ...moment, kind: 'import-check' } }],
    ['a moment without its time', { ...fired, detail: { kind: 'reminder', subject: moment.subject } }],
    ['no schedule named', { ...fired, resources: [] }],
    ['input Scheduler left unfilled', { ...fired, time: '<aws.scheduler.scheduled-time>' }],
    ['the empty input Scheduler sends without one', {}],
  ])('%s', async (_what, event) => {
    const error = vi.spyOn(logger, 'error');
    await expect(consumer(event, context)).rejects.toThrow(MalformedInput);
    expect(run).not.toHaveBeenCalled();
    expect(error.mock.calls[0]?.[0]).toBe('Malformed one-time moment; refused for the dead-letter queue');
    error.mockRestore();
  });
});

describe("an activity's events carry its pending reminder", () => {
  const base = { id: '01M9ACT', ownerId: 'u-1', createdAt: '2031-01-01T00:00:00.000Z', updatedAt: '2031-01-02T00:00:00.000Z', version: 2 };
  const activity = (fields: Partial<Activity>) => ({ ...base, kind: 'task', subject: 'Позвонить', regarding: { type: 'account', id: 'a' }, status: 'open', ...fields }) as Activity;

  it('an open one with a reminder carries it; a done one, or one without, carries none', () => {
    expect(recordRefSchema.parse(recordRef(activityKind, activity({ reminderAt: moment.at })))).toMatchObject({ reminder: moment.at, version: 2 });
    expect(recordRef(activityKind, activity({ reminderAt: moment.at, status: 'done' }))).not.toHaveProperty('reminder');
    expect(recordRef(activityKind, activity({}))).not.toHaveProperty('reminder');
  });
});
