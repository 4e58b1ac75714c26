import { createRoute, redirect, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { isCustomizableType } from './custom-field-draft';

const CustomFieldsPage = lazyPage(() => import('./CustomFieldsPage'), 'CustomFieldsPage');
const PipelinesPage = lazyPage(() => import('./PipelinesPage'), 'PipelinesPage');

/**
 * The admin settings' routes under a parent (the signed-in app route): `/settings` (to the first
 * section), `/settings/fields/$recordType` (custom fields of lead, account, contact or deal),
 * `/settings/pipelines` (the default pipeline) and `/settings/pipelines/$pipelineId`.
 * Add them with `appRoute.addChildren([...settingsRoutes(appRoute)])`.
 */
export function settingsRoutes<TParent extends AnyRoute>(parent: TParent) {
  const settingsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings',
    beforeLoad: () => {
      throw redirect({ href: '/settings/fields/lead', replace: true });
    },
  });
  const customFieldsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/fields/$recordType',
    component: function CustomFieldsRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const { recordType } = customFieldsRoute.useParams() as unknown as { recordType: string };
      return <CustomFieldsPage recordType={isCustomizableType(recordType) ? recordType : 'lead'} />;
    },
  });
  const pipelinesRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/pipelines',
    component: function PipelinesRoute() {
      return <PipelinesPage />;
    },
  });
  const pipelineRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/pipelines/$pipelineId',
    component: function PipelineRoute() {
      const { pipelineId } = pipelineRoute.useParams() as unknown as { pipelineId: string };
      return <PipelinesPage pipelineId={pipelineId} />;
    },
  });
  return [settingsRoute, customFieldsRoute, pipelinesRoute, pipelineRoute] as const;
}
