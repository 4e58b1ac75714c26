import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useRouterState } from '@tanstack/react-router';
import type { Page } from '@shared/api/contracts';
import { recordKeys, useRecordsHttp } from '../records-http';
import { listQueryOf, type RecordsSearch } from './records-search';

/**
 * One page of a record list from the server, and the moves between pages. The URL holds the
 * filters, the sort and the current page's cursor; the cursors of the pages before it travel in
 * the history entry, so Previous, Back and a reload all land on the right page.
 */
declare module '@tanstack/history' {
  interface HistoryState {
    recordsPreviousCursors?: string[];
  }
}

const none: string[] = [];

export function useRecordsPage<T>(resource: string, basePath: string, search: RecordsSearch) {
  const http = useRecordsHttp();
  const navigate = useNavigate();
  const previousCursors = useRouterState({ select: (state) => state.location.state.recordsPreviousCursors ?? none });
  const query = listQueryOf(search);
  const page = useQuery({
    queryKey: recordKeys.list(resource, query),
    queryFn: () => http.get<Page<T>>(`/api/${resource}`, query),
    placeholderData: keepPreviousData,
  });

  // The list's route is the caller's; typed routes are not known to this generic part.
  const goTo = (next: RecordsSearch, cursors: string[]) =>
    void navigate({ to: basePath as never, search: next as never, state: (state) => ({ ...state, recordsPreviousCursors: cursors }) });

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
    change: (changes: Partial<RecordsSearch>) => goTo(clean({ ...search, ...changes, cursor: undefined }), []),
    replace: (next: RecordsSearch) => goTo(clean({ ...next, cursor: undefined }), []),
  };
}

const clean = (search: RecordsSearch): RecordsSearch => Object.fromEntries(Object.entries(search).filter(([, value]) => value !== undefined && value !== '')) as RecordsSearch;
