import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { validateDealsSearch } from './list/deals-search';

const DealPage = lazyPage(() => import('./card/DealPage'), 'DealPage');
const NewDealPage = lazyPage(() => import('./form/DealFormPage'), 'NewDealPage');
const EditDealPage = lazyPage(() => import('./form/DealFormPage'), 'EditDealPage');
const DealsPage = lazyPage(() => import('./list/DealsPage'), 'DealsPage');

/**
 * The deal pages' routes under a parent (the signed-in app route): `/deals` (the list, its
 * filters in the URL), `/deals/new`, `/deals/$dealId` (the deal) and `/deals/$dealId/edit`.
 * Add them with `appRoute.addChildren([...dealRoutes(appRoute)])`.
 */
export function dealRoutes<TParent extends AnyRoute>(parent: TParent) {
  const dealsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/deals',
    validateSearch: validateDealsSearch,
    component: function DealsRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const search = dealsRoute.useSearch() as unknown as ReturnType<typeof validateDealsSearch>;
      return <DealsPage search={search} />;
    },
  });
  const newDealRoute = createRoute({
    getParentRoute: () => parent,
    path: '/deals/new',
    component: function NewDealRoute() {
      return <NewDealPage />;
    },
  });
  const dealRoute = createRoute({
    getParentRoute: () => parent,
    path: '/deals/$dealId',
    component: function DealRoute() {
      const { dealId } = dealRoute.useParams() as unknown as { dealId: string };
      return <DealPage key={dealId} dealId={dealId} />;
    },
  });
  const editDealRoute = createRoute({
    getParentRoute: () => parent,
    path: '/deals/$dealId/edit',
    component: function EditDealRoute() {
      const { dealId } = editDealRoute.useParams() as unknown as { dealId: string };
      return <EditDealPage key={dealId} dealId={dealId} />;
    },
  });
  return [dealsRoute, newDealRoute, dealRoute, editDealRoute] as const;
}
