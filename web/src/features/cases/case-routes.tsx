import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../../app/lazy-page';
import type { RecordsSearch } from '../../records/list/records-search';
import { validateCasesSearch, validateNewCaseSearch } from './case-paths';

const CasesPage = lazyPage(() => import('./CasesPage'), 'CasesPage');
const CasePage = lazyPage(() => import('./CasePage'), 'CasePage');
const NewCasePage = lazyPage(() => import('./CaseFormPage'), 'NewCasePage');
const EditCasePage = lazyPage(() => import('./CaseFormPage'), 'EditCasePage');

/**
 * The staff's case pages under a parent (the signed-in app route): `/cases` (the list, its
 * filters in the URL), `/cases/new` (`?accountId=` starts a case of that account),
 * `/cases/$caseId` and `/cases/$caseId/edit`. Add them with `...caseRoutes(appRoute)`.
 */
export function caseRoutes<TParent extends AnyRoute>(parent: TParent) {
  const casesRoute = createRoute({
    getParentRoute: () => parent,
    path: '/cases',
    validateSearch: validateCasesSearch,
    component: function CasesRoute() {
      // Typed only once the route is in the registered tree; read it without depending on that.
      const search = casesRoute.useSearch() as unknown as RecordsSearch;
      return <CasesPage search={search} />;
    },
  });
  const newCaseRoute = createRoute({
    getParentRoute: () => parent,
    path: '/cases/new',
    validateSearch: validateNewCaseSearch,
    component: function NewCaseRoute() {
      const { accountId } = newCaseRoute.useSearch() as unknown as { accountId?: string };
      return <NewCasePage {...(accountId ? { accountId } : {})} />;
    },
  });
  const caseRoute = createRoute({
    getParentRoute: () => parent,
    path: '/cases/$caseId',
    component: function CaseRoute() {
      const { caseId } = caseRoute.useParams() as unknown as { caseId: string };
      return <CasePage key={caseId} caseId={caseId} />;
    },
  });
  const editCaseRoute = createRoute({
    getParentRoute: () => parent,
    path: '/cases/$caseId/edit',
    component: function EditCaseRoute() {
      const { caseId } = editCaseRoute.useParams() as unknown as { caseId: string };
      return <EditCasePage key={caseId} caseId={caseId} />;
    },
  });
  return [casesRoute, newCaseRoute, caseRoute, editCaseRoute] as const;
}
