import type { Page } from '../api/contracts';
import { listListedUnder } from '../data/listed-under';
import { getRecord } from '../data/records-repository';
import { invalidField } from '../domain/common/errors';
import { accountKind } from '../domain/accounts/account';
import { dealKind, type DealSummary } from '../domain/deals/deal';
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

/**
 * A contact's deals, newest first, from the copies the deals keep in its partition: one Query.
 * An empty first page is checked against the contact itself (404, or 308 for a merged one).
 */
export async function dealsOfContact(contactId: string, page: { limit: number; cursor?: string }): Promise<Page<DealSummary>> {
  const found = await listListedUnder(dealKind, contactId, page);
  if (!page.cursor && found.items.length === 0) await contacts.read(contactId);
  return found as Page<DealSummary>;
}
