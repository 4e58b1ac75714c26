import { createRoute, redirect, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import { validateAccessRequestsSearch, type AccessRequestsSearch } from './access-requests/access-requests-search';
import { validateAuditSearch, validateUsageSearch, type AuditSearch, type PeriodSearch } from './audit/audit-search';
import { validateUsersSearch, type UsersSearch } from './users/user-directory';
import { isCustomizableType } from './custom-field-draft';

const CustomFieldsPage = lazyPage(() => import('./CustomFieldsPage'), 'CustomFieldsPage');
const PipelinesPage = lazyPage(() => import('./PipelinesPage'), 'PipelinesPage');
const AuditLogPage = lazyPage(() => import('./audit/AuditLogPage'), 'AuditLogPage');
const AuditUsagePage = lazyPage(() => import('./audit/AuditUsagePage'), 'AuditUsagePage');
const TeamsPage = lazyPage(() => import('./teams/TeamsPage'), 'TeamsPage');
const UsersPage = lazyPage(() => import('./users/UsersPage'), 'UsersPage');
const AccessRequestsPage = lazyPage(() => import('./access-requests/AccessRequestsPage'), 'AccessRequestsPage');
const SharingPage = lazyPage(() => import('./sharing/SharingPage'), 'SharingPage');
const ApiKeysPage = lazyPage(() => import('./api-keys/ApiKeysPage'), 'ApiKeysPage');

/**
 * The admin settings' routes under a parent (the signed-in app route): `/settings` (to the first
 * section), `/settings/fields/$recordType` (custom fields of lead, account, contact or deal),
 * `/settings/pipelines` (the default pipeline), `/settings/pipelines/$pipelineId`, and the audit
 * trail: `/settings/audit` (the journal, its filters in the search params) and
 * `/settings/audit/usage` (repeated queries over a period); `/settings/teams` (managers and members, ACC-2); `/settings/sharing` (record types shared beneath the roles' scopes, ACC-2);
 * `/settings/users` (who signs in, disabled users, ACC-1; invitations and roles, ACC-5; its filters in
 * the search params); `/settings/access-requests` (users asking for roles, ACC-5; the status filter in
 * the search params) and `/settings/api-keys` (integration keys).
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
  const auditRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/audit',
    validateSearch: validateAuditSearch,
    component: function AuditRoute() {
      const search = auditRoute.useSearch() as unknown as AuditSearch;
      return <AuditLogPage search={search} />;
    },
  });
  const auditUsageRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/audit/usage',
    validateSearch: validateUsageSearch,
    component: function AuditUsageRoute() {
      const search = auditUsageRoute.useSearch() as unknown as PeriodSearch;
      return <AuditUsagePage search={search} />;
    },
  });
  const sharingRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/sharing',
    component: function SharingRoute() {
      return <SharingPage />;
    },
  });
  const teamsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/teams',
    component: function TeamsRoute() {
      return <TeamsPage />;
    },
  });
  const usersRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/users',
    validateSearch: validateUsersSearch,
    component: function UsersRoute() {
      const search = usersRoute.useSearch() as unknown as UsersSearch;
      return <UsersPage search={search} />;
    },
  });
  const accessRequestsRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/access-requests',
    validateSearch: validateAccessRequestsSearch,
    component: function AccessRequestsRoute() {
      const search = accessRequestsRoute.useSearch() as unknown as AccessRequestsSearch;
      return <AccessRequestsPage search={search} />;
    },
  });
  const apiKeysRoute = createRoute({
    getParentRoute: () => parent,
    path: '/settings/api-keys',
    component: function ApiKeysRoute() {
      return <ApiKeysPage />;
    },
  });
  return [settingsRoute, customFieldsRoute, pipelinesRoute, pipelineRoute, auditRoute, auditUsageRoute, teamsRoute, sharingRoute, usersRoute, accessRequestsRoute, apiKeysRoute] as const;
}
