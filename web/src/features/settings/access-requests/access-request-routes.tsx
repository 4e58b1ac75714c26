import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../../app/lazy-page';

const RequestAccessPage = lazyPage(() => import('./RequestAccessPage'), 'RequestAccessPage');

/**
 * A staff user's own access requests (ACC-5): `/request-access`, reached from the user menu. The
 * admins' page is a settings route (`/settings/access-requests`). Add them with
 * `appRoute.addChildren([...accessRequestRoutes(appRoute)])`.
 */
export function accessRequestRoutes<TParent extends AnyRoute>(parent: TParent) {
  const requestAccessRoute = createRoute({
    getParentRoute: () => parent,
    path: '/request-access',
    component: function RequestAccessRoute() {
      return <RequestAccessPage />;
    },
  });
  return [requestAccessRoute] as const;
}
