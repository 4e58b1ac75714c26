import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';

const PortalDealsPage = lazyPage(() => import('./PortalDealsPage'), 'PortalDealsPage');
const PortalCasesPage = lazyPage(() => import('./PortalCasesPage'), 'PortalCasesPage');
const NewPortalCasePage = lazyPage(() => import('./NewPortalCasePage'), 'NewPortalCasePage');
const PortalCasePage = lazyPage(() => import('./PortalCasePage'), 'PortalCasePage');

/**
 * The client portal's routes under a parent (the signed-in app route): `/portal` (the account's
 * deals), `/portal/cases` (its cases), `/portal/cases/new` (opening one) and
 * `/portal/cases/$caseId` (a case with its conversation and rating).
 * Add them with `appRoute.addChildren([...portalRoutes(appRoute)])`.
 */
export function portalRoutes<TParent extends AnyRoute>(parent: TParent) {
  const portalRoute = createRoute({
    getParentRoute: () => parent,
    path: '/portal',
    component: function PortalRoute() {
      return <PortalDealsPage />;
    },
  });
  const portalCasesRoute = createRoute({
    getParentRoute: () => parent,
    path: '/portal/cases',
    component: function PortalCasesRoute() {
      return <PortalCasesPage />;
    },
  });
  const newPortalCaseRoute = createRoute({
    getParentRoute: () => parent,
    path: '/portal/cases/new',
    component: function NewPortalCaseRoute() {
      return <NewPortalCasePage />;
    },
  });
  const portalCaseRoute = createRoute({
    getParentRoute: () => parent,
    path: '/portal/cases/$caseId',
    component: function PortalCaseRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const { caseId } = portalCaseRoute.useParams() as unknown as { caseId: string };
      return <PortalCasePage key={caseId} caseId={caseId} />;
    },
  });
  return [portalRoute, portalCasesRoute, newPortalCaseRoute, portalCaseRoute] as const;
}
