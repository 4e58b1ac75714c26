import { can, type Action, type Subject } from '../auth/permissions';
import { sees, type Visibility } from '../auth/visibility';
import { getLinkedRecords, getRecords } from '../data/records-repository';
import type { Actor } from '../domain/common/actor';
import { DomainError, invalidField } from '../domain/common/errors';
import { kinds } from '../domain/records/kinds';
import type { RecordBase, RecordKind, RecordLink, RecordType, ReferenceTarget } from '../domain/records/record-type';
import { subjectOfType, visibilityFor } from './visibility-service';

/**
 * The one check of every record a write points at (ACC-2, SAL-12), whichever service writes it:
 * a record's own fields (its kind's `references`), a conversion's links, a merge's duplicate.
 *
 * Seeing a record is not enough to hang one's own records on it: attaching to a client is working
 * that client, so it takes the `link` right of the matrix, which sharing never widens. A record
 * out of sight and one that does not exist get the same answer (400 `not_found` on the field), so
 * ids reveal nothing; one in sight that the actor may not work is refused with 403 on the field.
 */

export interface ReferenceOptions {
  /** Ids already checked or created in the same transaction (a lead's conversion). */
  trusted?: ReadonlySet<string>;
  /** Prefix of the paths errors name, as the request nests the record (`deal.`). */
  prefix?: string;
}

const targetKey = (field: string, link: RecordLink) => `${field}|${link.type}|${link.id}`;

/** What a record points at, each with its field: what the guard checks and the tests enumerate. */
export function referencesOf<T extends RecordBase>(kind: RecordKind<T>, record: T): (ReferenceTarget & { field: string })[] {
  return (kind.references ?? []).flatMap((reference) => reference.targets(record).map((target) => ({ ...target, field: reference.field })));
}

/** Checks what `record` points at that `before` did not: kept references are not asked again. */
export async function assertReferences<T extends RecordBase>(actor: Actor, kind: RecordKind<T>, record: T, before: T | undefined, options: ReferenceOptions = {}): Promise<void> {
  const kept = new Set(before ? referencesOf(kind, before).map((t) => targetKey(t.field, t.link)) : []);
  const added = referencesOf(kind, record).filter((t) => !kept.has(targetKey(t.field, t.link)) && !options.trusted?.has(t.link.id));
  if (added.length === 0) return;
  // Whatever their types, one read: a deal's account, contacts and products in one BatchGetItem.
  const found = await getLinkedRecords(added.map((t) => t.link));
  for (const { link, path } of added) await assertMayLink(actor, link, `${options.prefix ?? ''}${path}`, found.get(`${link.type}|${link.id}`));
}

/**
 * One link: the record it names (read when not given) must exist, be in the actor's sight and be
 * theirs to work for `action` (`link`; `merge` for a merge's duplicate). Returns the record.
 */
export async function assertMayLink<T extends RecordBase = RecordBase>(actor: Actor, link: RecordLink, path: string, known?: RecordBase, action: Action = 'link'): Promise<T> {
  const kind = kinds[link.type];
  const target = known ?? (await getRecords(kind, [link.id])).get(link.id);
  if (!target) throw missing(path, kind.label);
  if (await may(actor, link.type, action, target.ownerId)) return target as T;
  if (!(await may(actor, link.type, 'read', target.ownerId))) throw missing(path, kind.label);
  throw new DomainError('forbidden', `${path}: this ${kind.label.toLowerCase()} is held by another owner`, {
    fields: [{ path, message: `held by another owner: only its owner or their manager may ${action === 'merge' ? 'merge it' : 'link records to it'}`, code: 'not_yours' }],
  });
}

/**
 * Whose records of a subject the actor may point at: for links found by a name or key rather than
 * given as an id (an import row's account, a deal's contact by email). None when the role links none.
 */
export async function linkableOwners(actor: Actor, subject: Subject): Promise<Visibility> {
  return actor.type === 'user' && !can(actor.roles, subject, 'link') ? new Set<string>() : visibilityFor(actor, subject, 'link');
}

async function may(actor: Actor, type: RecordType, action: Action, ownerId: string): Promise<boolean> {
  const subject = subjectOfType[type];
  if (actor.type === 'user' && !can(actor.roles, subject, action)) return false;
  return sees(await visibilityFor(actor, subject, action), ownerId);
}

const missing = (path: string, label: string) => invalidField(path, `no such ${label.toLowerCase()}`, 'not_found');
