import type { Page } from '../api/contracts';
import { sees } from '../auth/visibility';
import { listListedUnder } from '../data/listed-under';
import type { Actor } from '../domain/common/actor';
import { dealKind, type DealSummary } from '../domain/deals/deal';
import { contactKind, contactStatuses, type Contact, type CreateContactInput, type UpdateContactInput } from '../domain/contacts/contact';
import { recordService } from './record-service';
import { visibilityFor } from './visibility-service';

export const contacts = recordService<Contact, CreateContactInput, UpdateContactInput>(contactKind, {
  statuses: contactStatuses,
  defaults: { status: 'active' },
});

/**
 * A contact's deals, newest first, from the copies the deals keep in its partition: one Query,
 * holding only the deals the actor sees. The contact is checked first (404 when out of sight or
 * missing, 308 for a merged one) unless the actor sees every contact, where an empty first page
 * is checked instead.
 */
export async function dealsOfContact(actor: Actor, contactId: string, page: { limit: number; cursor?: string }): Promise<Page<DealSummary>> {
  const seesAllContacts = (await visibilityFor(actor, 'contacts', 'read')) === 'all';
  if (!seesAllContacts) await contacts.read(actor, contactId);
  const found = (await listListedUnder(dealKind, contactId, page)) as Page<DealSummary>;
  if (seesAllContacts && !page.cursor && found.items.length === 0) await contacts.read(actor, contactId);
  const deals = await visibilityFor(actor, 'deals', 'read');
  return { ...found, items: found.items.filter((deal) => sees(deals, deal.ownerId)) };
}
