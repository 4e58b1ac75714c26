import type { TimelineChange, TimelineEntry } from '../../api/contracts';
import type { DomainEvent, RecordRef } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { nothingToChange } from '../common/errors';
import type { RecordBase, RecordKind } from './record-type';

/**
 * Pure create and update of any core record: the new state, the timeline entry describing the
 * change (field, old → new) and the event announcing it. Persisting all three together is the
 * repository's job (one TransactWriteItems).
 */
export interface RecordChange<T extends RecordBase> {
  record: T;
  history: TimelineEntry;
  events: DomainEvent[];
}

type Fields<T extends RecordBase> = Omit<T, keyof RecordBase> & { ownerId?: string };

/**
 * How a type announces its creations and updates: RecordCreated and RecordUpdated on crm.records,
 * unless it names its own (leads: LeadCreated and LeadUpdated on crm.leads, their contract since
 * before the kit). Declared beside the commands, not on the kind: the kind's module may not reach
 * the event contracts, which name the record types (no import cycle, ADR 0019).
 */
export interface RecordAnnouncer<T extends RecordBase> {
  created: (record: T, ctx: CommandContext) => DomainEvent;
  updated: (record: T, changedFields: string[], ctx: CommandContext) => DomainEvent;
  /** What the creation's timeline entry records besides (a lead's channel). */
  createdData?: (record: T) => Record<string, unknown>;
}

export const recordAnnouncer = <T extends RecordBase>(kind: RecordKind<T>): RecordAnnouncer<T> => ({
  created: (record, ctx) => event(ctx, 'RecordCreated', { record: recordRef(kind, record), actorId: ctx.actor.id }),
  updated: (record, changedFields, ctx) => event(ctx, 'RecordUpdated', { record: recordRef(kind, record), changedFields, actorId: ctx.actor.id }),
});

export function createRecord<T extends RecordBase>(
  kind: RecordKind<T>,
  fields: Fields<T>,
  ctx: CommandContext,
  defaultOwnerId: string,
  announce: RecordAnnouncer<T> = recordAnnouncer(kind),
): RecordChange<T> {
  const at = ctx.now.toISOString();
  const record = {
    ...fields,
    id: ctx.newId(),
    ownerId: fields.ownerId ?? defaultOwnerId,
    createdAt: at,
    createdBy: ctx.actor.id,
    updatedAt: at,
    version: 1,
  } as T;
  const data = announce.createdData?.(record);
  return {
    record,
    history: entry(ctx, 'created', data ? { data } : {}),
    events: [announce.created(record, ctx)],
  };
}

/**
 * Applies a patch: a field given as `null` is cleared, one left out is kept. A patch that changes
 * nothing is refused, so every version on the timeline is a real change.
 */
export function updateRecord<T extends RecordBase>(
  kind: RecordKind<T>,
  current: T,
  patch: Partial<Record<keyof T, unknown>> & { version: number },
  ctx: CommandContext,
  announce: RecordAnnouncer<T> = recordAnnouncer(kind),
): RecordChange<T> {
  const { version: _expected, ...fields } = patch;
  const next: Record<string, unknown> = { ...(current as unknown as Record<string, unknown>) };
  for (const [field, value] of Object.entries(fields)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  const record = { ...next, updatedAt: ctx.now.toISOString(), version: current.version + 1 } as T;
  const changes = diffRecord(kind, current, record);
  if (changes.length === 0) throw nothingToChange();
  return {
    record,
    history: entry(ctx, 'updated', { changes }),
    events: [announce.updated(record, changes.map((c) => c.field), ctx)],
  };
}

/** What changed between two versions, field by field, for the timeline. */
export function diffRecord<T extends RecordBase>(kind: RecordKind<T>, before: T, after: T): TimelineChange[] {
  return kind.tracked.flatMap((field) =>
    field === 'custom'
      ? diffValues('custom.', before.custom ?? {}, after.custom ?? {})
      : change(field, before[field], after[field]),
  );
}

/** Custom values change one by one: `custom.segment` from → to. */
function diffValues(prefix: string, before: Record<string, unknown>, after: Record<string, unknown>): TimelineChange[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].sort().flatMap((key) => change(`${prefix}${key}`, before[key], after[key]));
}

function change(field: string, from: unknown, to: unknown): TimelineChange[] {
  return JSON.stringify(from) === JSON.stringify(to) ? [] : [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];
}

export function recordRef<T extends RecordBase>(kind: RecordKind<T>, record: T): RecordRef {
  const reminder = kind.reminder?.(record);
  return { type: kind.type, id: record.id, ownerId: record.ownerId, title: kind.search(record).title, version: record.version, ...(reminder ? { reminder } : {}) };
}
