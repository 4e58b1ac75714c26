import { getRecord } from '../data/records-repository';
import { invalidField } from '../domain/common/errors';
import { accountKind } from '../domain/accounts/account';
import { contactKind, contactStatuses, type Contact, type CreateContactInput, type UpdateContactInput } from '../domain/contacts/contact';
import { recordService } from './record-service';

export const contacts = recordService<Contact, CreateContactInput, UpdateContactInput>(contactKind, {
  statuses: contactStatuses,
  defaults: { status: 'active' },
  check: async (contact, before) => {
    if (contact.accountId && contact.accountId !== before?.accountId && !(await getRecord(accountKind, contact.accountId))) {
      throw invalidField('accountId', 'no such account', 'not_found');
    }
  },
});
