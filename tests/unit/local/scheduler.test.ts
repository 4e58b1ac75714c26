import { describe, expect, it, vi } from 'vitest';
import { app } from '../../../infra/definition/app';
import type { AppDefinition, ScheduleDef } from '../../../infra/definition/types';
import type { LambdaRuntime } from '../../../infra/local/lambda-runtime';
import { LocalScheduler } from '../../../infra/local/scheduler';
import { ScheduleExpressionError } from '../../../infra/local/schedule-expression';
import { FakeClock } from '../../support/fake-clock';

/** The local scheduler on an injected clock: fire times in the schedule's zone, the event, retries, stop. */
function fakeRuntime(handler: (event: any) => unknown = () => ({ ok: true })) {
  const calls: { functionId: string; event: any }[] = [];
  const runtime: LambdaRuntime = {
    invoke: async (functionId, event) => {
      calls.push({ functionId, event });
      return handler(event);
    },
    functionDef: (id) => {
      const fn = app.functions.find((f) => f.id === id);
      if (!fn) throw new Error(`No function "${id}"`);
      return fn;
    },
  };
  return { runtime, calls };
}

const withSchedules = (schedules: ScheduleDef[]): AppDefinition => ({ ...app, schedules });
/** The app with only its morning digest, so timers and calls are the digest's alone. */
const digestOnly = withSchedules(app.schedules.filter((s) => s.id === 'new-leads-morning-digest'));
const options = { clientTimeZone: 'Europe/Moscow', groupName: 'crm-local', region: 'eu-central-1', accountId: '000000000000' };

describe('LocalScheduler', () => {
  it("fires the app's digest at 09:00 in the client's zone, with a Scheduler event, weekdays only", async () => {
    // Friday 20 November 2026, 10:00 UTC = 13:00 in Moscow.
    const clock = new FakeClock(Date.parse('2026-11-20T10:00:00Z'));
    const { runtime, calls } = fakeRuntime();
    expect(new LocalScheduler({ ...options, definition: app, runtime, clock }).schedules.map((s) => s.id)).toEqual(['new-leads-morning-digest']);
    const scheduler = new LocalScheduler({ ...options, definition: digestOnly, runtime, clock });
    expect(scheduler.schedules).toEqual([expect.objectContaining({ id: 'new-leads-morning-digest', zone: 'Europe/Moscow' })]);
    scheduler.start();
    expect(scheduler.nextFireTimes()['new-leads-morning-digest']?.toISOString()).toBe('2026-11-23T06:00:00.000Z');

    await clock.advanceTo('2026-11-23T05:59:59Z');
    expect(calls).toHaveLength(0);
    await clock.advanceTo('2026-11-23T06:00:00Z');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toEqual({
      functionId: 'new-leads-digest',
      event: {
        version: '0',
        id: expect.any(String),
        'detail-type': 'Scheduled Event',
        source: 'aws.scheduler',
        account: '000000000000',
        time: '2026-11-23T06:00:00Z',
        region: 'eu-central-1',
        resources: ['arn:aws:scheduler:eu-central-1:000000000000:schedule/crm-local/new-leads-morning-digest'],
        detail: {},
      },
    });

    await clock.advanceTo('2026-11-30T05:00:00Z');
    expect(calls.map((c) => c.event.time)).toEqual([
      '2026-11-23T06:00:00Z',
      '2026-11-24T06:00:00Z',
      '2026-11-25T06:00:00Z',
      '2026-11-26T06:00:00Z',
      '2026-11-27T06:00:00Z',
    ]);
    scheduler.stop();
  });

  it('evaluates a UTC schedule in UTC whatever the client zone', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T00:30:00Z'));
    const { runtime, calls } = fakeRuntime();
    const scheduler = new LocalScheduler({
      ...options,
      definition: withSchedules([{ id: 'hourly', description: '', expression: 'cron(0 * * * ? *)', timeZone: 'UTC', function: 'new-leads-digest' }]),
      runtime,
      clock,
    });
    expect(scheduler.schedules[0]!.zone).toBe('UTC');
    scheduler.start();
    await clock.advanceTo('2026-06-01T03:00:00Z');
    expect(calls.map((c) => c.event.time)).toEqual(['2026-06-01T01:00:00Z', '2026-06-01T02:00:00Z', '2026-06-01T03:00:00Z']);
    scheduler.stop();
  });

  it('retries a failing run with backoff until it succeeds', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T00:00:00Z'));
    let failures = 2;
    const { runtime, calls } = fakeRuntime(() => {
      if (failures-- > 0) throw new Error('table busy');
      return { owners: 1 };
    });
    const scheduler = new LocalScheduler({
      ...options,
      definition: withSchedules([{ id: 'every-5', description: '', expression: 'rate(5 minutes)', timeZone: 'UTC', function: 'new-leads-digest' }]),
      runtime,
      clock,
      retry: { retries: 3, baseDelayMs: 1_000, maxDelayMs: 1_000 },
    });
    scheduler.start();
    await clock.advanceTo('2026-06-01T00:05:30Z');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((c) => c.event.time))).toEqual(new Set(['2026-06-01T00:05:00Z']));
    scheduler.stop();
  });

  it('logs a run that keeps failing once its retries run out', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T00:00:00Z'));
    const { runtime, calls } = fakeRuntime(() => {
      throw new Error('always');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const scheduler = new LocalScheduler({
      ...options,
      definition: withSchedules([{ id: 'daily', description: '', expression: 'rate(1 day)', timeZone: 'UTC', function: 'new-leads-digest' }]),
      runtime,
      clock,
      retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 100 },
    });
    scheduler.start();
    await clock.advanceTo('2026-06-02T00:01:00Z');
    expect(calls).toHaveLength(3);
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/daily gave up .* after 3 attempts/), expect.any(Error));
    error.mockRestore();
    scheduler.stop();
  });

  it('runNow invokes the handler at once and returns its result; stop disarms every timer', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T12:00:00Z'));
    const { runtime, calls } = fakeRuntime(() => ({ owners: 2, leads: 5 }));
    const scheduler = new LocalScheduler({ ...options, definition: digestOnly, runtime, clock });
    scheduler.start();
    expect(clock.pending).toBe(1);
    await expect(scheduler.runNow('new-leads-morning-digest')).resolves.toEqual({ owners: 2, leads: 5 });
    expect(calls[0]!.event.time).toBe('2026-06-01T12:00:00Z');
    expect(() => scheduler.runNow('nope')).toThrow(/No schedule "nope"/);

    scheduler.stop();
    expect(clock.pending).toBe(0);
    await clock.advanceTo('2026-06-10T00:00:00Z');
    expect(calls).toHaveLength(1);
  });

  it('refuses a schedule with an invalid expression or an unknown function', () => {
    const { runtime } = fakeRuntime();
    const bad = (s: Partial<ScheduleDef>) => withSchedules([{ id: 's', description: '', expression: 'rate(1 hour)', timeZone: 'UTC', function: 'new-leads-digest', ...s }]);
    expect(() => new LocalScheduler({ ...options, definition: bad({ expression: 'cron(0 9 * * MON *)' }), runtime })).toThrow(ScheduleExpressionError);
    expect(() => new LocalScheduler({ ...options, definition: bad({ function: 'ghost' }), runtime })).toThrow(/No function "ghost"/);
  });
});
