import { ConditionFailed, type ChangeSet } from '../data/change-set';
import { listListedUnder } from '../data/listed-under';
import { allChildrenUnder } from '../data/record-children';
import { moveMergedPartition, saveMerge } from '../data/merge-repository';
import { getRecord, getRecordOrRedirect, saveRecordChange } from '../data/records-repository';
import type { Actor } from '../domain/common/actor';
import type { CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, moved, notFound, versionConflict } from '../domain/common/errors';
import { mergeRecords, type MergeInput } from '../domain/duplicates/merge';
import { updateRecord, type RecordChange } from '../domain/records/record-commands';
import { assertMayLink, assertReferences } from './reference-guard';
import { assertSees } from './visibility-service';
import { kinds } from '../domain/records/kinds';
import { type RecordBase, type RecordKind, type RecordLink, type RecordType } from '../domain/records/record-type';

/**
 * Merging duplicates (REC-12). `mergeInto` is the user's action: one transaction, refused with 409
 * if either record changed since the user compared them. `followMerge` runs on RecordsMerged and
 * moves the duplicate's children (contacts, deals, child accounts, activities) and its timeline to
 * the survivor; it is idempotent, so a redelivered event finds nothing left to move.
 */
/** What a type adds to the merge: its own refusals, and how its records are stored if not as the kit's. */
export interface MergeRules<T extends RecordBase> {
  check?: (survivor: T, duplicate: T, input: MergeInput) => void;
  changeSetOf?: (change: RecordChange<T>, before: T) => ChangeSet;
}

export async function mergeInto<T extends RecordBase>(
  kind: RecordKind<T>,
  actor: Actor,
  survivorId: string,
  input: MergeInput,
  clock: Clock = systemClock,
  rules: MergeRules<T> = {},
): Promise<T> {
  const [survivor, duplicate] = await Promise.all([readLive(kind, survivorId), readLive(kind, input.duplicateId, 'duplicateId')]);
  // A merge changes the one and ends the other: both must be the actor's to merge. The duplicate is
  // a reference in the body: out of sight it reads as missing, in sight but not theirs is refused.
  await assertSees(actor, kind.type, 'merge', survivor, kind.label);
  await assertMayLink(actor, { type: kind.type, id: duplicate.id }, 'duplicateId', duplicate, 'merge');
  if (survivor.version !== input.version) throw versionConflict(survivor.version);
  if (duplicate.version !== input.duplicateVersion) throw versionConflict(duplicate.version);
  rules.check?.(survivor, duplicate, input);
  const now = clock.now();
  const ctx: CommandContext = { actor, now, newId: () => newId(now) };
  const merge = mergeRecords(kind, survivor, duplicate, input.take, ctx);
  // Values taken from the duplicate may point at records the survivor did not.
  await assertReferences(actor, kind, merge.survivor, survivor);
  try {
    await saveMerge(kind, merge, survivor, duplicate, rules.changeSetOf);
  } catch (error) {
    if (error instanceof ConditionFailed) throw versionConflict(undefined);
    throw error;
  }
  return merge.survivor;
}

async function readLive<T extends RecordBase>(kind: RecordKind<T>, id: string, field?: string): Promise<T> {
  const { record, redirect } = await getRecordOrRedirect(kind, id);
  if (redirect) {
    if (field) throw new DomainError('unprocessable', `${field}: already merged into another record`, { fields: [{ path: field, message: 'already merged', code: 'merged' }] });
    throw moved(kind.label, { type: kind.type, id: redirect.mergedInto });
  }
  if (!record) {
    if (field) throw invalidField(field, `no such ${kind.label.toLowerCase()}`, 'not_found');
    throw notFound(kind.label);
  }
  return record;
}

/** The types whose records can sit under a record of `type` (gsi4): an account's contacts, deals, child accounts, activities. */
const childKindsOf = (type: RecordType): RecordKind<RecordBase>[] => Object.values(kinds).filter((k) => k.parent?.types.includes(type));

/** The types whose records are also listed under a record of `type`: a contact's deals. */
const listedKindsOf = (type: RecordType): RecordKind<RecordBase>[] => Object.values(kinds).filter((k) => k.listedUnder?.type === type);

export async function followMerge(type: RecordType, fromId: string, toId: string, actor: Actor, clock: Clock = systemClock): Promise<{ relinked: number; moved: number }> {
  const from: RecordLink = { type, id: fromId };
  const to: RecordLink = { type, id: toId };
  let relinked = 0;
  for (const child of childKindsOf(type)) {
    for (const record of await allChildrenUnder(child, from)) {
      if (await relink(child, record, (current) => (child.parent?.of(current)?.id === to.id ? undefined : child.parent!.relink(to)), actor, clock)) relinked++;
    }
  }
  for (const listed of listedKindsOf(type)) {
    for (const id of await listedUnderIds(listed, fromId)) {
      const record = await getRecord(listed, id);
      const patch = (current: RecordBase) => (listed.listedUnder!.ids(current).includes(fromId) ? listed.listedUnder!.replace(current, fromId, toId) : undefined);
      if (record && (await relink(listed, record, patch, actor, clock))) relinked++;
    }
  }
  return { relinked, moved: await moveMergedPartition(type, fromId, toId) };
}

/** Every id of `kind`'s records listed under `ownerId`, page by page. */
async function listedUnderIds(kind: RecordKind<RecordBase>, ownerId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listListedUnder(kind, ownerId, { limit: 100, cursor });
    ids.push(...page.items.map((item) => String(item.id)));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

/** Points one record at the survivor (the patch; none once it does), rereading it if someone saved it meanwhile. */
async function relink(
  kind: RecordKind<RecordBase>,
  child: RecordBase,
  patchOf: (current: RecordBase) => Partial<Record<string, unknown>> | undefined,
  actor: Actor,
  clock: Clock,
): Promise<boolean> {
  let current: RecordBase | undefined = child;
  for (let attempt = 0; current && attempt < 5; attempt++) {
    const patch = patchOf(current);
    if (!patch) return false;
    const now = clock.now();
    const change = updateRecord(kind, current, { ...patch, version: current.version }, { actor, now, newId: () => newId(now) });
    try {
      await saveRecordChange(kind, change, current);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      current = await getRecord(kind, child.id);
    }
  }
  return false;
}
