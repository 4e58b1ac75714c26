import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { contactStatuses } from '@shared/domain/contacts/contact';
import { recordsSearchValidator, type RecordsSearch } from '../../records/list/records-search';

const ContactsPage = lazyPage(() => import('./ContactsPage'), 'ContactsPage');
const ContactPage = lazyPage(() => import('./ContactPage'), 'ContactPage');
const NewContactPage = lazyPage(() => import('./ContactFormPages'), 'NewContactPage');
const EditContactPage = lazyPage(() => import('./ContactFormPages'), 'EditContactPage');

/**
 * The contacts pages' routes under a parent (the signed-in app route): `/contacts` (the list,
 * its filters, sort and page in the search params), `/contacts/new` (`?accountId=` starts a
 * contact of that account), `/contacts/$contactId` and `/contacts/$contactId/edit`.
 * Add them with `appRoute.addChildren([...contactRoutes(appRoute)])`.
 */
const validateContactsSearch = recordsSearchValidator(contactStatuses);
const recordId = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function contactRoutes<TParent extends AnyRoute>(parent: TParent) {
  const contactsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contacts',
    validateSearch: validateContactsSearch,
    component: function ContactsRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const search = contactsRoute.useSearch() as unknown as RecordsSearch;
      return <ContactsPage search={search} />;
    },
  });
  const newContactRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contacts/new',
    validateSearch: (search: Record<string, unknown>): { accountId?: string } =>
      typeof search.accountId === 'string' && recordId.test(search.accountId) ? { accountId: search.accountId } : {},
    component: function NewContactRoute() {
      const { accountId } = newContactRoute.useSearch() as unknown as { accountId?: string };
      return <NewContactPage {...(accountId ? { accountId } : {})} />;
    },
  });
  const contactRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contacts/$contactId',
    component: function ContactRoute() {
      const { contactId } = contactRoute.useParams() as unknown as { contactId: string };
      return <ContactPage key={contactId} contactId={contactId} />;
    },
  });
  const editContactRoute = createRoute({
    getParentRoute: () => parent,
    path: '/contacts/$contactId/edit',
    component: function EditContactRoute() {
      const { contactId } = editContactRoute.useParams() as unknown as { contactId: string };
      return <EditContactPage key={contactId} contactId={contactId} />;
    },
  });
  return [contactsRoute, newContactRoute, contactRoute, editContactRoute] as const;
}
