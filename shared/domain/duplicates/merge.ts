import * as z from 'zod';
import type { TimelineEntry } from '../../api/contracts';
import type { DomainEvent } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { DomainError } from '../common/errors';
import { recordIdSchema } from '../common/values';
import { mergeEntries } from '../imports/import-merge';
import { diffRecord, recordRef } from '../records/record-commands';
import type { RecordBase, RecordKind, RecordLink } from '../records/record-type';

/**
 * Merging two records of one type (REC-12): the survivor keeps its own values except the fields
 * the user chose from the duplicate, takes the duplicate's values where it has none, and gains the
 * duplicate's phones, emails and addresses. The duplicate becomes a redirect to the survivor; its
 * children and timeline move to the survivor afterwards (RecordsMerged, ADR 0011).
 */
export const mergeInputSchema = z.strictObject({
  duplicateId: recordIdSchema,
  /** The survivor's version the user merged from. */
  version: z.number().int().positive(),
  duplicateVersion: z.number().int().positive(),
  /** Fields whose value is taken from the duplicate (custom values as `custom.<key>`). */
  take: z.array(z.string().min(1).max(60)).max(100).default([]),
});
export type MergeInput = z.infer<typeof mergeInputSchema>;

/** What stands where the duplicate was: reading its id leads to the survivor. */
export interface Redirect {
  type: RecordLink['type'];
  id: string;
  mergedInto: string;
  mergedAt: string;
  mergedBy: string;
}

export interface Merge<T extends RecordBase> {
  survivor: T;
  history: TimelineEntry;
  events: DomainEvent[];
  redirect: Redirect;
}

const stripUndefined = <T>(record: T): T => Object.fromEntries(Object.entries(record as Record<string, unknown>).filter(([, v]) => v !== undefined)) as T;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** The survivor's fields after the merge; `take` names fields the user chose from the duplicate. */
export function mergedValues<T extends RecordBase>(kind: RecordKind<T>, survivor: T, duplicate: T, take: readonly string[]): T {
  const unknownField = take.find((f) => !(kind.tracked as readonly string[]).includes(f) && !f.startsWith('custom.'));
  if (unknownField) throw new DomainError('validation_failed', `take: no field ${unknownField}`, { fields: [{ path: 'take', message: `no field ${unknownField}`, code: 'invalid' }] });
  const next: Record<string, unknown> = { ...(survivor as unknown as Record<string, unknown>) };
  const from = duplicate as unknown as Record<string, unknown>;
  for (const field of kind.tracked) {
    if (field === 'custom') continue;
    const mine = next[field];
    const theirs = from[field];
    if (take.includes(field)) {
      if (isEmpty(theirs)) delete next[field];
      else next[field] = theirs;
    } else if (isEmpty(mine) && !isEmpty(theirs)) next[field] = theirs;
    else if (Array.isArray(mine) && Array.isArray(theirs)) next[field] = mergeEntries(mine, theirs);
  }
  const custom = { ...(duplicate.custom ?? {}), ...(survivor.custom ?? {}) };
  for (const field of take.filter((f) => f.startsWith('custom.'))) {
    const key = field.slice('custom.'.length);
    if (duplicate.custom?.[key] === undefined) delete custom[key];
    else custom[key] = duplicate.custom[key];
  }
  if (Object.keys(custom).length) next.custom = custom;
  else delete next.custom;
  return next as unknown as T;
}

export function mergeRecords<T extends RecordBase>(kind: RecordKind<T>, survivor: T, duplicate: T, take: readonly string[], ctx: CommandContext): Merge<T> {
  if (survivor.id === duplicate.id) {
    throw new DomainError('validation_failed', 'duplicateId: a record cannot be merged into itself', { fields: [{ path: 'duplicateId', message: 'the record itself', code: 'invalid' }] });
  }
  const at = ctx.now.toISOString();
  const values = mergedValues(kind, survivor, duplicate, take);
  // An account merged with its own parent or child must not end up under itself.
  const parent = kind.parent?.of(values);
  if (kind.parent && parent && (parent.id === duplicate.id || parent.id === survivor.id)) {
    const theirs = kind.parent.of(duplicate);
    Object.assign(values, kind.parent.relink(theirs && theirs.id !== survivor.id ? theirs : undefined));
  }
  const next = { ...stripUndefined(values), updatedAt: at, version: survivor.version + 1 } as T;
  const title = kind.search(duplicate).title;
  return {
    survivor: next,
    history: entry(ctx, 'merged', { changes: diffRecord(kind, survivor, next), data: { mergedId: duplicate.id, mergedTitle: title } }),
    events: [
      event(ctx, 'RecordsMerged', { record: recordRef(kind, next), mergedId: duplicate.id, mergedTitle: title, actorId: ctx.actor.id }),
    ],
    redirect: { type: kind.type, id: duplicate.id, mergedInto: survivor.id, mergedAt: at, mergedBy: ctx.actor.id },
  };
}
