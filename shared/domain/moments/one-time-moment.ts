import * as z from 'zod';

/**
 * One-time moments (issue 14 §4, ADR 0012): a point in time at which something is to be looked at
 * again — an activity's reminder, an import's stale check; later SLA deadlines and scheduled
 * campaigns. Each is one EventBridge Scheduler schedule `at(…)`, created, moved and deleted from its
 * record's outbox events and checked against the record when it fires. Pure: names, expressions and
 * what an event means for a moment; the calls are shared/adapters/one-time-schedules.ts.
 */
export const momentKinds = ['reminder', 'import-check', 'migrations'] as const;
export type MomentKind = (typeof momentKinds)[number];

/** What a schedule's input names: the kind, the subject and the time the moment was set for. */
export const momentSchema = z.object({
  kind: z.enum(momentKinds),
  subject: z.object({ type: z.string().min(1), id: z.string().min(1) }),
  /** The time the moment was set for (the activity's reminderAt, or a sign of life + 15 min), ISO. */
  at: z.iso.datetime({ offset: true }),
});
export type Moment = z.infer<typeof momentSchema>;

/** Scheduler names: 1–64 of [0-9a-zA-Z-_.]; a name is unique per group. */
const nameAlphabet = /^[0-9A-Za-z_.-]{1,64}$/;

/**
 * The schedule's name: one per kind and subject, so a move is an update of the same schedule and a
 * delete needs nothing but the subject. Ids that do not fit the alphabet or the length are hashed
 * (FNV-1a), so the name stays deterministic.
 */
export function scheduleNameOf(moment: Pick<Moment, 'kind' | 'subject'>): string {
  const name = `${moment.kind}-${moment.subject.type}-${moment.subject.id}`;
  if (nameAlphabet.test(name)) return name;
  const safe = `${moment.kind}-${moment.subject.type}-`.replace(/[^0-9A-Za-z_.-]/g, '_');
  return `${safe}${fnv1a(moment.subject.id)}`.slice(0, 64);
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `h${hash.toString(16).padStart(8, '0')}`;
}

/**
 * EventBridge Scheduler's one-time expression, in UTC (the schedule says `ScheduleExpressionTimezone:
 * UTC`): `at(yyyy-mm-ddThh:mm:ss)`, milliseconds dropped. Scheduler fires within the minute after.
 */
export const atExpression = (when: Date): string => `at(${when.toISOString().slice(0, 19)})`;

/** The inverse, for the local scheduler: an `at(…)` expression's instant in UTC, or undefined. */
export function parseAtExpression(expression: string): Date | undefined {
  const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(expression);
  if (!match) return undefined;
  const when = new Date(`${match[1]}Z`);
  return Number.isNaN(when.getTime()) ? undefined : when;
}

/** What a record's event means for its moment: set (create or move) to fire at a time, clear, or nothing. */
export type MomentChange = { action: 'set'; moment: Moment; fireAt: Date } | { action: 'clear'; moment: Pick<Moment, 'kind' | 'subject'> } | { action: 'none' };

/**
 * A moment already past is fired as soon as Scheduler can (a minute from now) when it is at most
 * `catchUpMs` late, as the former sweep caught up six hours; an older one is not worth a message.
 */
export const momentTiming = { leadMs: 60_000, catchUpMs: 6 * 3600_000 };

export function fireTimeOf(at: string, now: Date): Date | undefined {
  const due = Date.parse(at);
  const earliest = now.getTime() + momentTiming.leadMs;
  if (due >= earliest) return new Date(due);
  return due >= now.getTime() - momentTiming.catchUpMs ? new Date(earliest) : undefined;
}

/** The record event fields a reminder depends on (shared/events: RecordCreated / RecordUpdated). */
export interface RecordEventFacts {
  type: 'RecordCreated' | 'RecordUpdated' | 'RecordsMerged';
  record: { type: string; id: string; reminder?: string | undefined };
  changedFields?: readonly string[];
}

/** Fields whose change can end a pending reminder (cleared, or the activity done or cancelled). */
const reminderFields = new Set(['reminderAt', 'status']);

/**
 * A record's reminder after one of its events: the event carries the pending reminder (an open
 * activity's reminderAt) of the version it announces, so every event with one sets it (an update
 * of the same schedule when unchanged: idempotent, and right even when an older event was dropped
 * by the version gate); an update that cleared it, or finished the activity, deletes it; a
 * creation without one has nothing to delete.
 */
export function reminderChangeOf(event: RecordEventFacts, now: Date): MomentChange {
  const subject = { type: event.record.type, id: event.record.id };
  const at = event.record.reminder;
  if (at) {
    const fireAt = fireTimeOf(at, now);
    if (fireAt) return { action: 'set', moment: { kind: 'reminder', subject, at }, fireAt };
    return { action: 'clear', moment: { kind: 'reminder', subject } };
  }
  if (event.type === 'RecordUpdated' && event.changedFields?.some((f) => reminderFields.has(f))) return { action: 'clear', moment: { kind: 'reminder', subject } };
  return { action: 'none' };
}

/** How long an import may go without a sign of life before the watchdog tends it (ADR 0011). */
export const importStaleAfterMs = 15 * 60_000;

/** The import's stale check after one of its events: each hand-over is a sign of life; a finished phase needs none. */
export function importCheckChangeOf(
  event: { type: 'ImportRequested'; importId: string; occurredAt: string } | { type: 'ImportFinished'; importId: string },
  now: Date,
): MomentChange {
  const subject = { type: 'import', id: event.importId };
  if (event.type === 'ImportFinished') return { action: 'clear', moment: { kind: 'import-check', subject } };
  return importCheckAt(event.importId, event.occurredAt, now);
}

/** The stale check of an import whose last sign of life was at `lastSignOfLife`. */
export function importCheckAt(importId: string, lastSignOfLife: string, now: Date): MomentChange {
  const at = new Date(Date.parse(lastSignOfLife) + importStaleAfterMs).toISOString();
  // A check never lies in the past: a late event still leaves one, a minute from now. Rounded up to
  // the second at() holds, so that it never fires before the job is 15 minutes silent.
  const fireAt = new Date(Math.ceil(Math.max(Date.parse(at), now.getTime() + momentTiming.leadMs) / 1000) * 1000);
  return { action: 'set', moment: { kind: 'import-check', subject: { type: 'import', id: importId }, at }, fireAt };
}
