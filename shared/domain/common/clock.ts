import { monotonicFactory } from 'ulid';

/** Time and identity come from here so domain code can be tested with a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const nextUlid = monotonicFactory();

/** Time-ordered unique ids (ULID): ids sort in creation order, which keys and cursors rely on. */
export const newId = (at: Date = new Date()): string => nextUlid(at.getTime());
