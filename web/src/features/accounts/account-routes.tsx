import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { accountStatuses } from '@shared/domain/accounts/account';
import { recordsSearchValidator, type RecordsSearch } from '../../records/list/records-search';

const AccountsPage = lazyPage(() => import('./AccountsPage'), 'AccountsPage');
const AccountPage = lazyPage(() => import('./AccountPage'), 'AccountPage');
const NewAccountPage = lazyPage(() => import('./AccountFormPages'), 'NewAccountPage');
const EditAccountPage = lazyPage(() => import('./AccountFormPages'), 'EditAccountPage');

/**
 * The accounts pages' routes under a parent (the signed-in app route): `/accounts` (the list,
 * its filters, sort and page in the search params), `/accounts/new` (`?parentId=` starts a
 * subsidiary), `/accounts/$accountId` and `/accounts/$accountId/edit`.
 * Add them with `appRoute.addChildren([...accountRoutes(appRoute)])`.
 */
const validateAccountsSearch = recordsSearchValidator(accountStatuses);
const recordId = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export function accountRoutes<TParent extends AnyRoute>(parent: TParent) {
  const accountsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/accounts',
    validateSearch: validateAccountsSearch,
    component: function AccountsRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const search = accountsRoute.useSearch() as unknown as RecordsSearch;
      return <AccountsPage search={search} />;
    },
  });
  const newAccountRoute = createRoute({
    getParentRoute: () => parent,
    path: '/accounts/new',
    validateSearch: (search: Record<string, unknown>): { parentId?: string } =>
      typeof search.parentId === 'string' && recordId.test(search.parentId) ? { parentId: search.parentId } : {},
    component: function NewAccountRoute() {
      const { parentId } = newAccountRoute.useSearch() as unknown as { parentId?: string };
      return <NewAccountPage {...(parentId ? { parentId } : {})} />;
    },
  });
  const accountRoute = createRoute({
    getParentRoute: () => parent,
    path: '/accounts/$accountId',
    component: function AccountRoute() {
      const { accountId } = accountRoute.useParams() as unknown as { accountId: string };
      return <AccountPage key={accountId} accountId={accountId} />;
    },
  });
  const editAccountRoute = createRoute({
    getParentRoute: () => parent,
    path: '/accounts/$accountId/edit',
    component: function EditAccountRoute() {
      const { accountId } = editAccountRoute.useParams() as unknown as { accountId: string };
      return <EditAccountPage key={accountId} accountId={accountId} />;
    },
  });
  return [accountsRoute, newAccountRoute, accountRoute, editAccountRoute] as const;
}
