import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../api/use-api';
import { listQueryOf, type LeadsSearch } from './leads-search';

/**
 * One page of leads from the server, and the moves between pages. The URL holds the filters, the
 * sort and the current page's cursor; the cursors of the pages before it travel in the history
 * entry, so Previous, the Back button and a reload all land on the right page.
 */
const none: string[] = [];

export function useLeadsPage(search: LeadsSearch) {
  const api = useApi();
  const navigate = useNavigate();
  const previousCursors = useRouterState({ select: (state) => state.location.state.leadsPreviousCursors ?? none });
  const query = listQueryOf(search);
  const page = useQuery({
    queryKey: queryKeys.leads.list(query),
    queryFn: () => api.listLeads(query),
    placeholderData: keepPreviousData,
  });

  const goTo = (next: LeadsSearch, cursors: string[]) =>
    void navigate({ to: '/leads', search: next, state: (state) => ({ ...state, leadsPreviousCursors: cursors }) });

  return {
    page,
    /** Unknown when the page was opened by a link to a later page. */
    pageNumber: !search.cursor ? 1 : previousCursors.length > 0 ? previousCursors.length + 1 : undefined,
    hasPrevious: Boolean(search.cursor),
    hasNext: Boolean(page.data?.nextCursor) && !page.isPlaceholderData,
    next: () => {
      const cursor = page.data?.nextCursor;
      if (cursor) goTo({ ...search, cursor }, [...previousCursors, search.cursor ?? '']);
    },
    previous: () => {
      const cursors = search.cursor ? previousCursors.slice(0, -1) : [];
      const cursor = search.cursor ? previousCursors.at(-1) : undefined;
      goTo({ ...search, cursor: cursor || undefined }, cursors);
    },
    /** New filters or sort: back to the first page. */
    change: (changes: Partial<LeadsSearch>) => goTo({ ...search, ...changes, cursor: undefined }, []),
  };
}
