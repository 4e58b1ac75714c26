import type { TimelineEntry } from '../api/contracts';
import { commitChange } from '../data/change-set';
import { recordKeys } from '../data/keys';
import { getRecord } from '../data/records-repository';
import { getUser } from '../data/users-repository';
import type { Account } from '../domain/accounts/account';
import { caseDefaults, caseKind, caseStatuses, commentOn, unnamed, type Case, type CaseComment, type CreateCaseInput, type UpdateCaseInput } from '../domain/cases/case';
import type { Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { invalidField, notFound } from '../domain/common/errors';
import type { Contact } from '../domain/contacts/contact';
import { keyPrefixOf } from '../domain/records/record-type';
import { recordService } from './record-service';
import { assertSees, visibleRecord } from './visibility-service';

/**
 * Service cases (SRV-1, SRV-2) on the records kit: each under an account its author sees, with the
 * account's name kept for search results; a contact, when named, exists, is in sight and is not
 * another account's. Replies the client sees are timeline entries of their own (`comment`);
 * internal notes are the kit's notes.
 */
export const cases = recordService<Case, CreateCaseInput, UpdateCaseInput>(caseKind, {
  statuses: caseStatuses,
  defaults: caseDefaults,
  prepare: async (fields, before, _now, actor) => {
    if (typeof fields.accountId !== 'string' || fields.accountId === before?.accountId) return fields;
    // Out of the author's sight reads as missing (ACC-2), as for an activity's record.
    const account = await visibleRecord<Account>(actor, 'account', fields.accountId, 'read');
    if (!account) throw invalidField('accountId', 'no such account', 'not_found');
    return { ...fields, accountName: account.name };
  },
  check: async (record, before, actor) => {
    if (!record.contactId || (record.contactId === before?.contactId && record.accountId === before.accountId)) return;
    const contact = await visibleRecord<Contact>(actor, 'contact', record.contactId, 'read');
    if (!contact) throw invalidField('contactId', 'no such contact', 'not_found');
    if (contact.accountId && contact.accountId !== record.accountId) throw invalidField('contactId', "a contact of another account", 'other_account');
  },
});

/**
 * A reply on the case's timeline, written as a note is (one transaction: the entry carrying its
 * `CaseCommentAdded` event), signed with the author's name as the other side may see it.
 */
export async function writeComment(actor: Actor, record: Case, text: string, from: CaseComment['from'], clock: Clock = systemClock): Promise<TimelineEntry> {
  const authorName = (await getUser(actor.id))?.name ?? actor.name ?? unnamed;
  const now = clock.now();
  const { entry, events } = commentOn(record, { text, authorName, from }, { actor, now, newId: () => newId(now) });
  await commitChange({ puts: [], history: [{ recordPk: recordKeys(keyPrefixOf('case')).item(record.id).pk, entry }], events });
  return entry;
}

/** A staff reply to the client (`POST /api/cases/{id}/comments`): on a case the actor may update. */
export async function commentOnCaseAs(actor: Actor, id: string, text: string, clock: Clock = systemClock): Promise<TimelineEntry> {
  const record = await getRecord(caseKind, id);
  if (!record) throw notFound(caseKind.label);
  await assertSees(actor, 'case', 'update', record, caseKind.label);
  return writeComment(actor, record, text, 'staff', clock);
}
