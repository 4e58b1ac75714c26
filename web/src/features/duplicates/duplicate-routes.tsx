import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { mergeTypes, type MergeType } from '../../records/duplicates/use-duplicates';

const DuplicatesPage = lazyPage(() => import('./DuplicatesPage'), 'DuplicatesPage');
const MergePage = lazyPage(() => import('./MergePage'), 'MergePage');

/**
 * The duplicates view and the merge screen under a parent (the signed-in app route):
 * `/duplicates/$type` and `/merge/$type/$survivorId/$duplicateId`, type `account` or `contact`.
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
  const duplicatesRoute = createRoute({
    getParentRoute: () => parent,
    path: '/duplicates/$type',
    component: function DuplicatesRoute() {
      const { type } = duplicatesRoute.useParams() as unknown as { type: string };
      return <DuplicatesPage type={mergeTypes.includes(type as MergeType) ? (type as MergeType) : 'contact'} />;
    },
  });
  return [mergeRoute, duplicatesRoute] as const;
}
