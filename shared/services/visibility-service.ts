import { scopeOf, type Action, type Subject } from '../auth/permissions';
import { sees, visibleOwners, type Visibility } from '../auth/visibility';
import { getSharing } from '../data/sharing-repository';
import { getTeams } from '../data/teams-repository';
import { isRecordSubject, sharedScope } from '../domain/access/sharing';
import type { Actor } from '../domain/common/actor';
import { DomainError, notFound } from '../domain/common/errors';
import { resourceOfType, type RecordType } from '../domain/records/record-type';
import { kinds } from '../domain/records/kinds';
import { getRecord } from '../data/records-repository';

/**
 * Whose records of a subject the actor may act on (ACC-2): by the widest scope its roles grant,
 * widened where the record type is shared, with the teams it manages. The system and web forms
 * act for the app and see everything they are handed; a user the matrix grants nothing is refused.
 */
export async function visibilityFor(actor: Actor, subject: Subject, action: Action): Promise<Visibility> {
  if (actor.type !== 'user') return 'all';
  const granted = scopeOf(actor.roles, subject, action);
  if (!granted) throw new DomainError('forbidden', `Your role may not ${action} ${subject}`);
  const scope = granted !== 'all' && isRecordSubject(subject) ? sharedScope(granted, (await getSharing()).types[subject], action) : granted;
  return visibleOwners(scope, actor.id, scope === 'team' ? (await getTeams()).teams : []);
}

/** Subjects of the record types: their API resources. */
export const subjectOfType = resourceOfType satisfies Record<RecordType, Subject>;

/** A record out of the actor's sight answers as if it did not exist (ADR 0013). */
export async function assertSees(actor: Actor, type: RecordType, action: Action, record: { ownerId: string }, label: string): Promise<void> {
  await assertSeesOwned(actor, subjectOfType[type], action, record.ownerId, label);
}

/** The same for anything owned that is not a record: an import or export job, by who started it. */
export async function assertSeesOwned(actor: Actor, subject: Subject, action: Action, ownerId: string, label: string): Promise<void> {
  if (!sees(await visibilityFor(actor, subject, action), ownerId)) throw notFound(label);
}

/** The record a note, file or other item belongs to, when the actor sees it for `action`; 404 otherwise. */
export async function assertSeesRecord(actor: Actor, link: { type: RecordType; id: string }, action: Action): Promise<void> {
  const kind = kinds[link.type];
  const record = await getRecord(kind, link.id);
  if (!record) throw notFound(kind.label);
  await assertSees(actor, link.type, action, record, kind.label);
}

/**
 * Giving a record to another owner (SAL-12): a record worked by one seller is theirs; only a role
 * with `transfer` moves it, and a team manager only within the team. Taking one's own is no move.
 */
export async function assertMayAssign(actor: Actor, type: RecordType, ownerId: string | undefined, currentOwnerId: string | undefined): Promise<void> {
  if (actor.type !== 'user' || ownerId === undefined || ownerId === (currentOwnerId ?? actor.id)) return;
  const scope = scopeOf(actor.roles, subjectOfType[type], 'transfer');
  const fields = [{ path: 'ownerId', message: 'only a manager assigns records to others', code: 'forbidden' }];
  if (!scope) throw new DomainError('forbidden', 'Your role may not give records to other owners', { fields });
  const visible = visibleOwners(scope, actor.id, scope === 'team' ? (await getTeams()).teams : []);
  if (!sees(visible, ownerId) || (currentOwnerId !== undefined && !sees(visible, currentOwnerId))) {
    throw new DomainError('forbidden', 'The owner is outside your team', { fields: [{ ...fields[0]!, message: 'outside your team' }] });
  }
}

/**
 * For reads beside a record (its files): whoever sees every record of the type needs no read of
 * this one; `true` when it was checked, so the caller knows whether the record is known to exist.
 */
export async function assertInSight(actor: Actor, link: { type: RecordType; id: string }, action: Action): Promise<boolean> {
  if ((await visibilityFor(actor, subjectOfType[link.type], action)) === 'all') return false;
  await assertSeesRecord(actor, link, action);
  return true;
}

/** A record by id when it exists and the actor sees it for `action`: for ids given inside a body (link this account). */
export async function visibleRecord<T extends { ownerId: string }>(actor: Actor, type: RecordType, id: string, action: Action): Promise<T | undefined> {
  const record = (await getRecord(kinds[type], id)) as T | undefined;
  return record && sees(await visibilityFor(actor, subjectOfType[type], action), record.ownerId) ? record : undefined;
}
