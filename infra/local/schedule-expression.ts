import { assertTimeZone, instantsAt, wallClockAt } from './zoned-time';

/**
 * EventBridge Scheduler expressions, evaluated as the cloud does:
 * - `rate(n minute|minutes|hour|hours|day|days)`: singular unit exactly when n is 1; a day is 24 h.
 * - `cron(minutes hours day-of-month month day-of-week year)` with `,` `-` `*` `/`, `?` `L` `W`
 *   in day-of-month, `?` `L` `#` in day-of-week, JAN-DEC and SUN-SAT (1 = SUN … 7 = SAT); exactly
 *   one of day-of-month and day-of-week is `?`. Evaluated in an IANA zone: a wall time skipped by
 *   a spring-forward change does not fire, one repeated by a fall-back change fires once.
 * No npm library fits: aws-cron-parser evaluates in UTC only, without a zone.
 */
export type ScheduleExpression =
  | { kind: 'rate'; intervalMs: number }
  | {
      kind: 'cron';
      minutes: readonly number[];
      hours: readonly number[];
      months: ReadonlySet<number>;
      /** Undefined for `*`. */
      years: ReadonlySet<number> | undefined;
      dayMatches: (year: number, month: number, day: number) => boolean;
    };

export class ScheduleExpressionError extends Error {
  override name = 'ScheduleExpressionError';
  constructor(expression: string, problem: string) {
    super(`Invalid schedule expression "${expression}": ${problem}`);
  }
}

const rateUnits = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const dayNames = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const maxYear = 2199;

export function parseScheduleExpression(expression: string): ScheduleExpression {
  const fail = (problem: string): never => {
    throw new ScheduleExpressionError(expression, problem);
  };
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/.exec(expression);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2]!;
    const singular = unit.replace(/s$/, '') as keyof typeof rateUnits;
    if (!(singular in rateUnits)) fail(`unit "${unit}" is not minute(s), hour(s) or day(s)`);
    if (value < 1) fail('the rate must be a positive whole number');
    if ((value === 1) !== (unit === singular)) fail(value === 1 ? `write "1 ${singular}"` : `write "${value} ${singular}s"`);
    return { kind: 'rate', intervalMs: value * rateUnits[singular] };
  }
  const cron = /^cron\((.*)\)$/.exec(expression);
  if (!cron) return fail('expected rate(value unit) or cron(minutes hours day-of-month month day-of-week year)');
  const fields = cron[1]!.trim().split(/\s+/);
  if (fields.length !== 6) return fail(`cron needs 6 fields (minutes hours day-of-month month day-of-week year), got ${fields.length}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = fields as [string, string, string, string, string, string];
  if ((dayOfMonth === '?') === (dayOfWeek === '?')) fail('exactly one of day-of-month and day-of-week must be "?"');

  const field = (name: string, text: string, min: number, max: number, names?: string[], allowStep = true) => {
    try {
      return parseList(text, min, max, names, allowStep);
    } catch (error) {
      return fail(`${name}: ${(error as Error).message}`);
    }
  };
  let dayMatches: (year: number, month: number, day: number) => boolean;
  try {
    dayMatches = dayOfMonth === '?' ? dayOfWeekRule(dayOfWeek) : dayOfMonthRule(dayOfMonth);
  } catch (error) {
    return fail(`${dayOfMonth === '?' ? 'day-of-week' : 'day-of-month'}: ${(error as Error).message}`);
  }
  return {
    kind: 'cron',
    minutes: [...field('minutes', minute, 0, 59)].sort((a, b) => a - b),
    hours: [...field('hours', hour, 0, 23)].sort((a, b) => a - b),
    months: field('month', month, 1, 12, monthNames),
    years: year === '*' ? undefined : field('year', year, 1970, maxYear),
    dayMatches,
  };
}

/** A list of values, ranges and steps (`1,15`, `MON-FRI`, `0/15`, `*`, `10-40/10`). */
function parseList(text: string, min: number, max: number, names: string[] | undefined, allowStep: boolean): Set<number> {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, step, extra] = item.split('/');
    if (extra !== undefined || range === undefined || range === '') throw new Error(`"${item}" is not a value, range or step`);
    if (step !== undefined && !allowStep) throw new Error(`"/" is not allowed here`);
    const increment = step === undefined ? 1 : Number(step);
    if (!/^\d+$/.test(step ?? '1') || increment < 1) throw new Error(`"${step}" is not a positive step`);
    let start: number;
    let end: number;
    if (range === '*') {
      [start, end] = [min, max];
    } else if (range.includes('-')) {
      const [from, to, rest] = range.split('-');
      if (rest !== undefined) throw new Error(`"${range}" is not a range`);
      [start, end] = [valueOf(from!, min, max, names), valueOf(to!, min, max, names)];
      if (start > end) throw new Error(`range "${range}" runs backwards`);
    } else {
      start = valueOf(range, min, max, names);
      end = step === undefined ? start : max;
    }
    for (let v = start; v <= end; v += increment) values.add(v);
  }
  return values;
}

function valueOf(token: string, min: number, max: number, names: string[] | undefined): number {
  const named = names?.indexOf(token.toUpperCase()) ?? -1;
  // Names map to 1-based values: JAN = 1, SUN = 1.
  const value = named >= 0 ? named + 1 : /^\d+$/.test(token) ? Number(token) : NaN;
  if (Number.isNaN(value)) throw new Error(`"${token}" is not a number${names ? ` or one of ${names[0]}-${names.at(-1)}` : ''}`);
  if (value < min || value > max) throw new Error(`${value} is outside ${min}-${max}`);
  return value;
}

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
/** 1 = SUN … 7 = SAT, as in AWS cron. */
const weekday = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
const isWeekend = (dow: number) => dow === 1 || dow === 7;

function dayOfMonthRule(text: string): (year: number, month: number, day: number) => boolean {
  if (text === 'L') return (y, m, d) => d === daysInMonth(y, m);
  if (text === 'LW') {
    return (y, m, d) => {
      const last = daysInMonth(y, m);
      const dow = weekday(y, m, last);
      return d === (dow === 7 ? last - 1 : dow === 1 ? last - 2 : last);
    };
  }
  const nearest = /^(\d+)W$/.exec(text);
  if (nearest) {
    const target = valueOf(nearest[1]!, 1, 31, undefined);
    // The weekday nearest to the day, never crossing into another month.
    return (y, m, d) => {
      const last = daysInMonth(y, m);
      if (target > last) return false;
      const dow = weekday(y, m, target);
      if (!isWeekend(dow)) return d === target;
      if (dow === 7) return d === (target === 1 ? 3 : target - 1);
      return d === (target === last ? target - 2 : target + 1);
    };
  }
  if (/[LW]/.test(text)) throw new Error(`"${text}": L and W stand alone (L, LW, 15W)`);
  const days = parseList(text, 1, 31, undefined, true);
  return (_y, _m, d) => days.has(d);
}

function dayOfWeekRule(text: string): (year: number, month: number, day: number) => boolean {
  if (text === 'L') return (y, m, d) => weekday(y, m, d) === 7;
  const lastOf = /^(\w+)L$/.exec(text);
  if (lastOf) {
    const dow = valueOf(lastOf[1]!, 1, 7, dayNames);
    return (y, m, d) => weekday(y, m, d) === dow && d + 7 > daysInMonth(y, m);
  }
  const nth = /^(\w+)#(\d+)$/.exec(text);
  if (nth) {
    const dow = valueOf(nth[1]!, 1, 7, dayNames);
    const n = valueOf(nth[2]!, 1, 5, undefined);
    return (y, m, d) => weekday(y, m, d) === dow && Math.ceil(d / 7) === n;
  }
  if (/[L#]/.test(text)) throw new Error(`"${text}": L and # stand alone (L, 6L, FRIL, 2#1, MON#3)`);
  const days = parseList(text, 1, 7, dayNames, false);
  return (y, m, d) => days.has(weekday(y, m, d));
}

/**
 * The first time strictly after `after` at which the schedule fires, evaluated in `timeZone`;
 * undefined when it never fires again. A rate fires one interval after `after`.
 */
export function nextFireTime(expression: string | ScheduleExpression, after: Date, timeZone: string): Date | undefined {
  const schedule = typeof expression === 'string' ? parseScheduleExpression(expression) : expression;
  assertTimeZone(timeZone);
  if (schedule.kind === 'rate') return new Date(after.getTime() + schedule.intervalMs);

  const start = wallClockAt(after, timeZone);
  // Clocks move back at most a few hours, so earlier wall times are never later instants.
  const earliestWall = Date.UTC(start.year, start.month - 1, start.day, start.hour, start.minute) - 3 * 3600_000;
  // From the day before: a fall-back change can show a later instant under an earlier date.
  const cursor = new Date(Date.UTC(start.year, start.month - 1, start.day - 1));
  const lastYear = schedule.years ? Math.max(...schedule.years) : maxYear;
  while (cursor.getUTCFullYear() <= lastYear) {
    const [year, month, day] = [cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, cursor.getUTCDate()];
    if (schedule.years && !schedule.years.has(year)) {
      cursor.setUTCFullYear(year + 1, 0, 1);
      continue;
    }
    if (!schedule.months.has(month)) {
      cursor.setUTCMonth(month, 1);
      continue;
    }
    if (schedule.dayMatches(year, month, day)) {
      for (const hour of schedule.hours) {
        for (const minute of schedule.minutes) {
          if (Date.UTC(year, month - 1, day, hour, minute) < earliestWall) continue;
          // Inside a fall-back overlap only the first of the two instants fires.
          const first = instantsAt({ year, month, day, hour, minute }, timeZone)[0];
          if (first && first.getTime() > after.getTime()) return first;
        }
      }
    }
    cursor.setUTCDate(day + 1);
  }
  return undefined;
}
