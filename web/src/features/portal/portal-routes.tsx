import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';

const PortalDealsPage = lazyPage(() => import('./PortalDealsPage'), 'PortalDealsPage');

/**
 * The client portal's routes under a parent (the signed-in app route): `/portal` (the account's
 * deals). Add them with `appRoute.addChildren([...portalRoutes(appRoute)])`.
 */
export function portalRoutes<TParent extends AnyRoute>(parent: TParent) {
  const portalRoute = createRoute({
    getParentRoute: () => parent,
    path: '/portal',
    component: function PortalRoute() {
      return <PortalDealsPage />;
    },
  });
  return [portalRoute] as const;
}
