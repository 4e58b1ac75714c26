import { describe, expect, it } from 'vitest';
import type { Case } from '../../../shared/domain/cases/case';
import { casePath, newCasePath, validateCasesSearch, validateNewCaseSearch } from '../../../web/src/features/cases/case-paths';
import { caseErrorsCleared, caseFormValuesOf, checkCaseEdit, checkNewCase, newCaseFormValues, placeCaseIssues, type CaseFormValues } from '../../../web/src/features/cases/case-values';
import { casesMessages } from '../../../web/src/features/cases/cases-messages';
import { recordsMessages } from '../../../web/src/records/records-messages';

/** The staff's case form (SRV-1, SRV-2): values, what is sent, where issues go; and the case pages' URLs. */
const m = recordsMessages.ru;
const cm = casesMessages.ru;
const accountId = '01JD00000000000000000000AC';
const otherAccountId = '01JD00000000000000000000AD';
const contactId = '01JD00000000000000000000CT';

const stored: Case = {
  id: '01JD00000000000000000000CS',
  subject: 'Не приходит счёт',
  description: 'Клиент ждёт счёт с понедельника.',
  accountId,
  accountName: 'ООО «Ромашка»',
  contactId,
  kind: 'request',
  priority: 'high',
  status: 'in-progress',
  channel: 'email',
  ownerId: 'u1',
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-11-02T10:00:00.000Z',
  version: 4,
};

const filled = (changes: Partial<CaseFormValues>): CaseFormValues => ({ ...newCaseFormValues(accountId), subject: 'Вопрос по договору', ...changes });

describe('a new case', () => {
  it('starts with the defaults and the account it was opened from', () => {
    expect(newCaseFormValues()).toEqual({ subject: '', description: '', account: null, contactId: '', kind: 'question', priority: 'normal', status: 'new', channel: 'phone', ownerId: '' });
    expect(newCaseFormValues(accountId).account).toEqual({ id: accountId });
  });

  it('sends the trimmed fields and the channel, leaving out blanks (no contact, the author as owner)', () => {
    expect(checkNewCase(filled({ subject: '  Вопрос по договору ', description: '   ', channel: 'web', priority: 'urgent' }))).toEqual({
      body: { subject: 'Вопрос по договору', accountId, kind: 'question', priority: 'urgent', status: 'new', channel: 'web' },
    });
    expect(checkNewCase(filled({ contactId, ownerId: 'u2' }))).toMatchObject({ body: { contactId, ownerId: 'u2' } });
  });

  it('asks for a subject and an account before the API is asked, in words on those fields', () => {
    const check = checkNewCase({ ...newCaseFormValues(), subject: '  ' });
    expect('issues' in check).toBe(true);
    if (!('issues' in check)) return;
    expect(placeCaseIssues(check.issues, m, cm)).toEqual({ fields: { subject: m.form.errors.required, accountId: m.form.errors.required }, other: [] });
  });

  it('refuses the portal channel and a subject over 200 characters', () => {
    const check = checkNewCase(filled({ channel: 'portal', subject: 'т'.repeat(201) }));
    expect('issues' in check && placeCaseIssues(check.issues, m, cm).fields).toEqual({ channel: m.form.errors.invalidValue, subject: m.form.errors.tooLong(200) });
  });
});

describe('an edited case', () => {
  const initial = caseFormValuesOf(stored);

  it('shows the case as stored, the account by the name kept on it', () => {
    const { id: _id, accountId: _accountId, accountName: _accountName, createdAt: _createdAt, createdBy: _createdBy, updatedAt: _updatedAt, version: _version, ...fields } = stored;
    expect(initial).toEqual({ ...fields, account: { id: accountId, title: 'ООО «Ромашка»' } });
  });

  it('sends only what changed with the version it began from; nothing changed is said, not sent', () => {
    expect(checkCaseEdit(initial, initial, 4)).toEqual({ nothingChanged: true });
    expect(checkCaseEdit({ ...initial, status: 'resolved' }, initial, 4)).toEqual({ body: { version: 4, status: 'resolved' } });
    expect(checkCaseEdit({ ...initial, subject: ` ${initial.subject} ` }, initial, 4)).toEqual({ nothingChanged: true });
  });

  it('clears optional fields with null, never the channel, and a new account drops the old contact', () => {
    expect(checkCaseEdit({ ...initial, description: '', contactId: '' }, initial, 4)).toEqual({ body: { version: 4, description: null, contactId: null } });
    expect(checkCaseEdit({ ...initial, channel: 'phone', account: { id: otherAccountId }, contactId: '' }, initial, 4)).toEqual({
      body: { version: 4, accountId: otherAccountId, contactId: null },
    });
  });

  it('says a kept field cannot be emptied', () => {
    const check = checkCaseEdit({ ...initial, subject: '', account: null }, initial, 4);
    expect('issues' in check && placeCaseIssues(check.issues, m, cm).fields).toEqual({ subject: m.form.errors.required, accountId: m.form.errors.required });
  });
});

describe('the API’s issues on the case form', () => {
  it('words the case rules on their fields and lists what no field shows', () => {
    const placed = placeCaseIssues(
      [
        { path: 'contactId', code: 'other_account', message: 'a contact of another account' },
        { path: 'accountId', code: 'not_found', message: 'no such account' },
        { path: 'ownerId', code: 'invalid_value', message: 'No such user' },
        { path: 'openedBy', code: 'unrecognized_keys', message: 'Unrecognized key' },
      ],
      m,
      cm,
    );
    expect(placed.fields).toEqual({ contactId: cm.form.otherAccount, accountId: cm.form.noSuchAccount, ownerId: m.form.errors.unknownUser });
    expect(placed.other).toEqual(['openedBy: Unrecognized key']);
  });

  it('clears an error when its field changes; a new account also clears the contact’s', () => {
    expect(caseErrorsCleared('subject', 'subject')).toBe(true);
    expect(caseErrorsCleared('subject', 'accountId')).toBe(false);
    expect(caseErrorsCleared('account', 'accountId')).toBe(true);
    expect(caseErrorsCleared('account', 'contactId')).toBe(true);
    expect(caseErrorsCleared('contactId', 'contactId')).toBe(true);
  });
});

describe('the case pages’ URLs', () => {
  it('keeps the list’s status and owner filters, and drops a status cases do not have', () => {
    expect(validateCasesSearch({ status: 'waiting', ownerId: 'u1', sort: 'name', cursor: 'c1' })).toEqual({ status: 'waiting', ownerId: 'u1', sort: 'name', cursor: 'c1' });
    expect(validateCasesSearch({ status: 'won', channel: 'email' })).toEqual({});
  });

  it('starts a new case from an account only by a record id', () => {
    expect(validateNewCaseSearch({ accountId })).toEqual({ accountId });
    expect(validateNewCaseSearch({ accountId: '../leads' })).toEqual({});
    expect(newCasePath(accountId)).toBe(`/cases/new?accountId=${accountId}`);
    expect(casePath(stored.id)).toBe(`/cases/${stored.id}`);
  });
});
