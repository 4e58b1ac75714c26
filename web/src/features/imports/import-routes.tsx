import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';

const ImportsPage = lazyPage(() => import('./ImportsPage'), 'ImportsPage');
const ImportWizardPage = lazyPage(() => import('./ImportWizardPage'), 'ImportWizardPage');

/**
 * The import pages' routes under a parent (the signed-in app route):
 * `/imports` (the list), `/imports/new` (the wizard's first step) and `/imports/$importId`
 * (an import at whatever step it is). Add them with `appRoute.addChildren([...importRoutes(appRoute)])`.
 */
export function importRoutes<TParent extends AnyRoute>(parent: TParent) {
  const importsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/imports',
    component: ImportsPage,
  });
  const newImportRoute = createRoute({
    getParentRoute: () => parent,
    path: '/imports/new',
    component: function NewImportRoute() {
      return <ImportWizardPage />;
    },
  });
  const importRoute = createRoute({
    getParentRoute: () => parent,
    path: '/imports/$importId',
    component: function ImportRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const { importId } = importRoute.useParams() as unknown as { importId: string };
      return <ImportWizardPage importId={importId} />;
    },
  });
  return [importsRoute, newImportRoute, importRoute] as const;
}
