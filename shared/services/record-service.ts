import type { Page, TimelineEntry } from '../api/contracts';
import { ConditionFailed, type GuardedPut } from '../data/change-set';
import { recordKeys } from '../data/keys';
import { deriveRecord } from '../data/derived-index';
import { findMatches } from '../data/match-index';
import { getRecordOrRedirect, getRecords, listRecords, saveRecordChange, type Mirrored } from '../data/records-repository';
import { matchKeys, type MatchBasis, type MatchReason } from '../domain/duplicates/match-keys';
import { readTimeline } from '../data/timeline';
import { getUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import type { CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { invalidField, moved, notFound, versionConflict } from '../domain/common/errors';
import type { MergeInput } from '../domain/duplicates/merge';
import { createRecord, updateRecord, type RecordAnnouncer, type RecordChange } from '../domain/records/record-commands';
import { customFiltersOf, type ListRecordsQuery } from '../domain/records/record-list';
import { keyPrefixOf, type RecordBase, type RecordKind } from '../domain/records/record-type';
import type { Action } from '../auth/permissions';
import { narrowToVisible, sees } from '../auth/visibility';
import { checkedCustomValues, customFilters } from './custom-field-service';
import { mergeInto } from './merge-service';
import { assertReferences } from './reference-guard';
import { assertMayAssign, assertSees, subjectOfType, visibilityFor } from './visibility-service';

/**
 * The use cases every core record type has: create, read, list, update with optimistic locking,
 * timeline. A type adds its own checks that need reads (a referenced record exists, no cycle).
 */
export interface RecordRules<T extends RecordBase> {
  /** Runs before every save with the record as it would be stored, and the stored one on update; `actor` for what depends on who asks. */
  check?: (candidate: T, before: T | undefined, actor: Actor) => Promise<void>;
  /** Status values a list may be filtered by. */
  statuses?: readonly string[];
  /**
   * Completes a create input or an update patch before the command runs, with what needs reads
   * (a deal's lines priced from the catalog, its first stage; a case's account as its actor sees
   * it), so the timeline shows the result.
   */
  prepare?: (fields: Record<string, unknown>, before: T | undefined, now: Date, actor: Actor) => Promise<Record<string, unknown>>;
  /** Timeline entries the change also writes on related records' timelines, in the same transaction. */
  mirror?: (change: RecordChange<T>, before: T | undefined) => Mirrored[];
  /** The events the type announces its creations and updates with, if its own (leads). */
  announce?: RecordAnnouncer<T>;
  /** The type's own refusals of a merge (a converted lead), beyond the kit's. */
  mergeCheck?: (survivor: T, duplicate: T, input: MergeInput) => void;
}

/**
 * Every use case takes the actor and keeps to what its roles let it see (ACC-2): a record out of
 * sight is "not found", a list holds only visible records, and every record a write points at
 * passes the reference guard. The system actor sees everything.
 */
export interface RecordService<T extends RecordBase, C, U> {
  kind: RecordKind<T>;
  create(actor: Actor, input: C, options?: WriteOptions): Promise<T>;
  /** The record, when the actor may see it for `action` (read by default); "not found" otherwise. */
  read(actor: Actor, id: string, action?: Action): Promise<T>;
  list(actor: Actor, query: ListRecordsQuery): Promise<Page<T>>;
  update(actor: Actor, id: string, patch: U, options?: WriteOptions): Promise<T>;
  timeline(actor: Actor, id: string, page: { limit: number; cursor?: string }): Promise<Page<TimelineEntry>>;
  /** Records of the type that may be the same party (REC-12), with why; ones no longer mergeable left out. */
  duplicates(actor: Actor, id: string): Promise<{ items: DuplicateCandidate<T>[] }>;
  /** Merges a duplicate into the record (REC-12), with the type's own refusals. */
  merge(actor: Actor, id: string, input: MergeInput, clock?: Clock): Promise<T>;
  /**
   * A type's own command on the kit (a lead's rejection, a deal's stage move): the record read as
   * the actor may `update` it, the version the client read checked, the pure command run, and its
   * change saved as every change is, the version checked again at write time.
   */
  command(actor: Actor, id: string, version: number, run: (current: T, ctx: CommandContext) => RecordChange<T> | Promise<RecordChange<T>>, options?: WriteOptions): Promise<T>;
}

export type AlsoPut = (recordId: string) => readonly GuardedPut[];

export interface WriteOptions {
  clock?: Clock;
  /** Items written in the change's own transaction, given the record's id: an import's row marker (ADR 0011). */
  alsoPut?: AlsoPut;
  /**
   * Derive the record's search items and match keys before answering, not only from the stream
   * (ADR 0009): the caller reads them back at once (an import's next row matches what this one wrote).
   */
  indexNow?: boolean;
}

/** A likely duplicate with what the match rests on: a weak one (a name, a role mailbox, an office line) is for review only (REC-12). */
export interface DuplicateCandidate<T> extends Pick<MatchBasis, 'strength' | 'evidence'> {
  record: T;
  reasons: MatchReason[];
}

const context = (actor: Actor, clock: Clock): CommandContext => {
  const now = clock.now();
  return { actor, now, newId: () => newId(now) };
};

export function recordService<T extends RecordBase, C extends object, U extends { version: number }>(
  kind: RecordKind<T>,
  rules: RecordRules<T> & { defaults?: Partial<T> } = {},
): RecordService<T, C, U> {
  const subject = subjectOfType[kind.type];
  const stored = async (id: string): Promise<T> => {
    const { record, redirect } = await getRecordOrRedirect(kind, id);
    if (redirect) throw moved(kind.label, { type: kind.type, id: redirect.mergedInto });
    if (!record) throw notFound(kind.label);
    return record;
  };
  const read = async (actor: Actor, id: string, action: Action = 'read'): Promise<T> => {
    const record = await stored(id);
    await assertSees(actor, kind.type, action, record, kind.label);
    return record;
  };

  const prepared = (fields: Record<string, unknown>, before: T | undefined, now: Date, actor: Actor) =>
    rules.prepare ? rules.prepare(fields, before, now, actor) : Promise.resolve(fields);

  const checkAndSave = async (change: RecordChange<T>, actor: Actor, before: T | undefined, options: WriteOptions): Promise<T> => {
    // The acting user exists (their token says so); another owner must be a known user.
    const newOwner = change.record.ownerId !== before?.ownerId && change.record.ownerId !== actor.id;
    if (newOwner && !(await getUser(change.record.ownerId))) throw invalidField('ownerId', 'no such user');
    await assertReferences(actor, kind, change.record, before);
    await rules.check?.(change.record, before, actor);
    return save(change, before, options);
  };

  const save = async (change: RecordChange<T>, before: T | undefined, { alsoPut, indexNow }: WriteOptions): Promise<T> => {
    try {
      await saveRecordChange(kind, change, before, rules.mirror?.(change, before) ?? [], alsoPut?.(change.record.id));
    } catch (error) {
      if (error instanceof ConditionFailed && error.putIndex === 0 && before) throw versionConflict(Number(error.current?.version) || undefined);
      throw error;
    }
    if (indexNow) await deriveRecord(kind, change.record);
    return change.record;
  };

  return {
    kind,
    read,
    create: async (actor, input, { clock = systemClock, ...options } = {}) => {
      await assertMayAssign(actor, kind.type, (input as { ownerId?: string }).ownerId, undefined);
      const ctx = context(actor, clock);
      const custom = await checkedCustomValues(kind.type, (input as { custom?: unknown }).custom, undefined, true);
      const { custom: _given, ...rest } = input as Record<string, unknown>;
      const fields = await prepared({ ...rules.defaults, ...rest, ...(custom ? { custom } : {}) }, undefined, ctx.now, actor);
      return checkAndSave(createRecord(kind, fields as unknown as Parameters<typeof createRecord<T>>[1], ctx, actor.id, rules.announce), actor, undefined, options);
    },
    list: async (actor, query) => {
      const visibility = await visibilityFor(actor, subject, 'read');
      if (query.ids) {
        const found = await getRecords(kind, query.ids);
        return { items: query.ids.flatMap((id) => (found.has(id) && sees(visibility, found.get(id)!.ownerId) ? [found.get(id)!] : [])) };
      }
      if (query.status && !rules.statuses?.includes(query.status)) {
        throw invalidField('status', `one of ${(rules.statuses ?? []).join(', ') || '(none: this list has no status)'}`);
      }
      const filters = await customFilters(kind.type, customFiltersOf(query));
      const narrowed = narrowToVisible(query, visibility);
      return narrowed ? listRecords(kind, narrowed.query, filters, narrowed.owners) : { items: [] };
    },
    update: async (actor, id, patch, { clock = systemClock, ...options } = {}) => {
      const current = await read(actor, id, 'update');
      await assertMayAssign(actor, kind.type, (patch as { ownerId?: string }).ownerId, current.ownerId);
      if (current.version !== patch.version) throw versionConflict(current.version);
      const ctx = context(actor, clock);
      const given = patch as Record<string, unknown>;
      // `custom: null` clears every value; a map changes the values it names.
      const clearAll = Object.fromEntries(Object.keys(current.custom ?? {}).map((key) => [key, null]));
      const custom = 'custom' in given ? await checkedCustomValues(kind.type, given.custom ?? clearAll, current.custom, false) : undefined;
      const fields = await prepared('custom' in given ? { ...given, custom: custom ?? null } : given, current, ctx.now, actor);
      return checkAndSave(updateRecord(kind, current, fields as Parameters<typeof updateRecord<T>>[2], ctx, rules.announce), actor, current, options);
    },
    command: async (actor, id, version, run, { clock = systemClock, ...options } = {}) => {
      const current = await read(actor, id, 'update');
      if (current.version !== version) throw versionConflict(current.version);
      return save(await run(current, context(actor, clock)), current, options);
    },
    merge: (actor, id, input, clock = systemClock) => mergeInto(kind, actor, id, input, clock, rules.mergeCheck ? { check: rules.mergeCheck } : {}),
    duplicates: async (actor, id) => {
      const record = await read(actor, id);
      const visibility = await visibilityFor(actor, subject, 'read');
      const matches = kind.match ? await findMatches(kind.type, matchKeys(kind.match(record)), id) : [];
      const records = await getRecords(kind, matches.slice(0, 50).map((m) => m.id));
      const visible = (m: { id: string }) => records.has(m.id) && sees(visibility, records.get(m.id)!.ownerId) && kind.mergeable?.(records.get(m.id)!) !== false;
      return { items: matches.flatMap((m) => (visible(m) ? [{ record: records.get(m.id)!, reasons: m.reasons, strength: m.strength, evidence: m.evidence }] : [])) };
    },
    timeline: async (actor, id, page) => {
      // Whoever sees every record needs no read of this one; others' sight is checked on it.
      if ((await visibilityFor(actor, subject, 'read')) !== 'all') await read(actor, id);
      // Every record has at least its creation entry: an empty first page means no such record.
      const timeline = await readTimeline(recordKeys(keyPrefixOf(kind.type)).item(id).pk, page);
      if (!page.cursor && timeline.items.length === 0) throw notFound(kind.label);
      return timeline;
    },
  };
}
