import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { MergePage } from './MergePage';

/**
 * The merge screen's route under a parent (the signed-in app route):
 * `/merge/$type/$survivorId/$duplicateId`, type `account` or `contact`.
 * Add it with `appRoute.addChildren([...duplicatesRoutes(appRoute)])`.
 */
export function duplicatesRoutes<TParent extends AnyRoute>(parent: TParent) {
  const mergeRoute = createRoute({
    getParentRoute: () => parent,
    path: '/merge/$type/$survivorId/$duplicateId',
    component: function MergeRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const { type, survivorId, duplicateId } = mergeRoute.useParams() as unknown as { type: string; survivorId: string; duplicateId: string };
      return <MergePage type={type} survivorId={survivorId} duplicateId={duplicateId} />;
    },
  });
  return [mergeRoute] as const;
}
