import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { nextFireTime, parseScheduleExpression, ScheduleExpressionError } from '../../../infra/local/schedule-expression';

/** Golden cases for EventBridge Scheduler expressions, evaluated in the schedule's IANA zone. */
const next = (expression: string, after: string, zone = 'UTC') => nextFireTime(expression, new Date(after), zone)?.toISOString();

/** The next `count` fire times, each after the previous one. */
function series(expression: string, after: string, zone: string, count: number): string[] {
  const times: string[] = [];
  let at = new Date(after);
  for (let i = 0; i < count; i++) {
    at = nextFireTime(expression, at, zone)!;
    times.push(at.toISOString());
  }
  return times;
}

describe('cron in a fixed-offset zone (Europe/Moscow, UTC+3)', () => {
  it('weekday mornings at 09:00 Moscow time: Friday afternoon → Monday 06:00 UTC', () => {
    // 2026-11-20 is a Friday; 13:00 in Moscow.
    expect(next('cron(0 9 ? * MON-FRI *)', '2026-11-20T10:00:00Z', 'Europe/Moscow')).toBe('2026-11-23T06:00:00.000Z');
  });

  it('the same morning when asked before 09:00, and never at 09:00 itself again', () => {
    expect(next('cron(0 9 ? * MON-FRI *)', '2026-11-23T05:59:59Z', 'Europe/Moscow')).toBe('2026-11-23T06:00:00.000Z');
    expect(next('cron(0 9 ? * MON-FRI *)', '2026-11-23T06:00:00Z', 'Europe/Moscow')).toBe('2026-11-24T06:00:00.000Z');
  });

  it("the app's digest schedule fires on the five weekdays only", () => {
    const digest = app.schedules.find((s) => s.id === 'new-leads-morning-digest')!;
    expect(series(digest.expression, '2026-11-20T07:00:00Z', 'Europe/Moscow', 6)).toEqual([
      '2026-11-23T06:00:00.000Z',
      '2026-11-24T06:00:00.000Z',
      '2026-11-25T06:00:00.000Z',
      '2026-11-26T06:00:00.000Z',
      '2026-11-27T06:00:00.000Z',
      '2026-11-30T06:00:00.000Z',
    ]);
  });

  it('a date rolls over at local midnight, not UTC midnight', () => {
    // 23:30 UTC on Sunday 22nd is already 02:30 on Monday 23rd in Moscow.
    expect(next('cron(0 2 ? * MON *)', '2026-11-22T23:30:00Z', 'Europe/Moscow')).toBe('2026-11-29T23:00:00.000Z');
    expect(next('cron(0 3 ? * MON *)', '2026-11-22T23:30:00Z', 'Europe/Moscow')).toBe('2026-11-23T00:00:00.000Z');
  });
});

describe('cron across daylight saving time (Europe/Berlin)', () => {
  it('keeps 09:00 local across the spring change: 08:00 UTC on Friday, 07:00 UTC on Monday', () => {
    expect(series('cron(0 9 ? * MON-FRI *)', '2026-03-26T12:00:00Z', 'Europe/Berlin', 2)).toEqual(['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('skips a wall time that does not exist when clocks spring forward (29 March 2026, 02:00 → 03:00)', () => {
    expect(series('cron(30 2 * * ? *)', '2026-03-28T00:00:00Z', 'Europe/Berlin', 2)).toEqual(['2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
  });

  it('fires once at a wall time that happens twice when clocks fall back (25 October 2026)', () => {
    expect(series('cron(30 2 * * ? *)', '2026-10-24T12:00:00Z', 'Europe/Berlin', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('a rate of one day is 24 hours, whatever the clocks do', () => {
    expect(next('rate(1 day)', '2026-03-28T12:00:00Z', 'Europe/Berlin')).toBe('2026-03-29T12:00:00.000Z');
  });
});

describe('cron fields and wildcards (UTC)', () => {
  it.each([
    ['every 15 minutes from :00', 'cron(0/15 * * * ? *)', '2026-06-01T10:07:00Z', '2026-06-01T10:15:00.000Z'],
    ['every 15 minutes with */15', 'cron(*/15 * * * ? *)', '2026-06-01T10:50:00Z', '2026-06-01T11:00:00.000Z'],
    ['a step inside a range', 'cron(10-40/10 8 * * ? *)', '2026-06-01T08:25:00Z', '2026-06-01T08:30:00.000Z'],
    ['a list of hours', 'cron(0 8,17 * * ? *)', '2026-06-01T09:00:00Z', '2026-06-01T17:00:00.000Z'],
    ['month names', 'cron(0 0 1 JAN,JUL ? *)', '2026-02-10T00:00:00Z', '2026-07-01T00:00:00.000Z'],
    ['day names, lower case too', 'cron(0 12 ? * sat *)', '2026-06-01T00:00:00Z', '2026-06-06T12:00:00.000Z'],
    ['day numbers: 1 is Sunday', 'cron(0 12 ? * 1 *)', '2026-06-01T00:00:00Z', '2026-06-07T12:00:00.000Z'],
    ['L: last day of the month, leap year', 'cron(0 0 L * ? *)', '2028-02-10T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['L: last day of a 30-day month', 'cron(0 0 L * ? *)', '2026-06-10T00:00:00Z', '2026-06-30T00:00:00.000Z'],
    ['LW: last weekday (31 May 2026 is a Sunday)', 'cron(0 12 LW * ? *)', '2026-05-01T00:00:00Z', '2026-05-29T12:00:00.000Z'],
    ['1W: 1 August 2026 is a Saturday → Monday the 3rd', 'cron(0 12 1W * ? *)', '2026-07-15T00:00:00Z', '2026-08-03T12:00:00.000Z'],
    ['15W on a weekday is the 15th', 'cron(0 12 15W * ? *)', '2026-06-01T00:00:00Z', '2026-06-15T12:00:00.000Z'],
    ['# : first Monday', 'cron(0 10 ? * 2#1 *)', '2026-05-05T00:00:00Z', '2026-06-01T10:00:00.000Z'],
    ['# : third Monday by name', 'cron(0 10 ? * MON#3 *)', '2026-06-02T00:00:00Z', '2026-06-15T10:00:00.000Z'],
    ['6L: last Friday', 'cron(0 18 ? * 6L *)', '2026-06-01T00:00:00Z', '2026-06-26T18:00:00.000Z'],
    ['L in day-of-week: Saturday', 'cron(0 18 ? * L *)', '2026-06-01T00:00:00Z', '2026-06-06T18:00:00.000Z'],
    ['a year', 'cron(0 0 1 1 ? 2030)', '2026-06-01T00:00:00Z', '2030-01-01T00:00:00.000Z'],
    ['29 February skips to the next leap year', 'cron(0 0 29 2 ? *)', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s', (_name, expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  it('a schedule past its last year never fires again', () => {
    expect(next('cron(0 0 1 1 ? 2030)', '2030-01-01T00:00:00Z')).toBeUndefined();
    expect(next('cron(0 0 30 2 ? *)', '2026-01-01T00:00:00Z')).toBeUndefined();
  });
});

describe('rate', () => {
  it.each([
    ['rate(1 minute)', 60_000],
    ['rate(5 minutes)', 300_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(12 hours)', 43_200_000],
    ['rate(7 days)', 604_800_000],
  ])('%s fires one interval later', (expression, ms) => {
    expect(nextFireTime(expression, new Date('2026-06-01T00:00:00Z'), 'Europe/Moscow')!.getTime()).toBe(Date.parse('2026-06-01T00:00:00Z') + ms);
  });
});

describe('invalid expressions are refused with a clear error', () => {
  it.each([
    ['rate(1 minutes)', /write "1 minute"/],
    ['rate(5 minute)', /write "5 minutes"/],
    ['rate(0 minutes)', /positive/],
    ['rate(2 weeks)', /unit "weeks"/],
    ['cron(0 9 * * MON-FRI *)', /exactly one of day-of-month and day-of-week must be "\?"/],
    ['cron(0 9 ? * ? *)', /exactly one of day-of-month and day-of-week/],
    ['cron(0 9 ? * MON-FRI)', /6 fields/],
    ['cron(60 9 * * ? *)', /minutes: 60 is outside 0-59/],
    ['cron(0 24 * * ? *)', /hours: 24 is outside 0-23/],
    ['cron(0 9 32 * ? *)', /day-of-month: 32 is outside 1-31/],
    ['cron(0 9 ? * 8 *)', /day-of-week: 8 is outside 1-7/],
    ['cron(0 9 ? * FUN *)', /day-of-week: "FUN" is not a number or one of SUN-SAT/],
    ['cron(0 9 ? * MON/2 *)', /day-of-week: "\/" is not allowed/],
    ['cron(0 9 1 FOO ? *)', /month: "FOO" is not a number or one of JAN-DEC/],
    ['cron(0 9 ? * FRI-MON *)', /runs backwards/],
    ['cron(0 9 ? * MON#6 *)', /6 is outside 1-5/],
    ['cron(0 9 L,15 * ? *)', /L and W stand alone/],
    ['cron(0 9 1 1 ? 1969)', /year: 1969 is outside 1970-2199/],
    ['cron(0/0 9 * * ? *)', /not a positive step/],
    ['cron(1,,2 9 * * ? *)', /not a value, range or step/],
    ['at(2026-06-01T09:00:00)', /expected rate\(value unit\) or cron/],
    ['0 9 * * 1-5', /expected rate\(value unit\) or cron/],
  ])('%s', (expression, message) => {
    expect(() => parseScheduleExpression(expression)).toThrow(ScheduleExpressionError);
    expect(() => parseScheduleExpression(expression)).toThrow(message);
  });

  it('names the expression in the message', () => {
    expect(() => parseScheduleExpression('cron(0 9 * * MON *)')).toThrow('Invalid schedule expression "cron(0 9 * * MON *)"');
  });

  it('refuses an unknown time zone', () => {
    expect(() => nextFireTime('rate(1 hour)', new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('every schedule of the app definition parses', () => {
    for (const s of app.schedules) expect(() => parseScheduleExpression(s.expression), s.id).not.toThrow();
  });
});
