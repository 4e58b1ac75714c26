/**
 * Wall-clock time in an IANA zone, with the platform's own time-zone database (Intl): the same
 * data the schedule's zone is evaluated with in the cloud, and no library to keep up to date.
 */
export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError naming the zone when it is not a valid IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

export function wallClockAt(instant: Date, timeZone: string): WallClock & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Offset of the zone from UTC at an instant, in milliseconds (Moscow: +3 h). */
function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClockAt(new Date(epochMs), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instants at which the zone's clocks show this wall time, earliest first: none inside a
 * spring-forward gap, two inside a fall-back overlap, one otherwise.
 */
export function instantsAt(wall: WallClock, timeZone: string): Date[] {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // Zone offsets change at most once within a day, so the offsets half a day either side cover it.
  const offsets = new Set([offsetAt(asUtc - 14 * 3600_000, timeZone), offsetAt(asUtc + 14 * 3600_000, timeZone)]);
  const found = [...offsets]
    .map((offset) => asUtc - offset)
    .filter((epochMs) => {
      const w = wallClockAt(new Date(epochMs), timeZone);
      return w.year === wall.year && w.month === wall.month && w.day === wall.day && w.hour === wall.hour && w.minute === wall.minute;
    })
    .sort((a, b) => a - b);
  return [...new Set(found)].map((epochMs) => new Date(epochMs));
}
