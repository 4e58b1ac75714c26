import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseRatingInput, PortalCaseInput } from '@shared/domain/cases/case';
import type { PortalCase, PortalCaseComment, PortalCaseSummary } from '@shared/domain/portal/portal-case';
import { useRecordsHttp } from '../../records/records-http';
import { portalCaseUrl, portalCasesUrl, portalKeys, withComment } from './portal-cases';

/**
 * The portal's cases through TanStack Query: the account's list a page at a time, one case with
 * its conversation, and opening, replying and rating — each leaving the cache as the API has it.
 */
const pageSize = 20;

interface CasesPage {
  items: PortalCaseSummary[];
  nextCursor?: string;
}

export function usePortalCases() {
  const http = useRecordsHttp();
  return useInfiniteQuery({
    queryKey: portalKeys.caseList,
    queryFn: ({ pageParam }) => http.get<CasesPage>(portalCasesUrl, { limit: pageSize, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One case, read again whenever it is opened or the client comes back to the tab: our reply may be waiting. */
export function usePortalCase(id: string) {
  const http = useRecordsHttp();
  return useQuery({ queryKey: portalKeys.case(id), queryFn: () => http.get<PortalCase>(portalCaseUrl(id)), staleTime: 0, refetchOnWindowFocus: true });
}

/** Opens a case: the new case is cached for its page, and the list is read again. */
export function useOpenPortalCase() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PortalCaseInput) => http.post<PortalCase>(portalCasesUrl, body),
    onSuccess: (created) => {
      queryClient.setQueryData(portalKeys.case(created.id), created);
      void queryClient.invalidateQueries({ queryKey: portalKeys.caseList });
    },
  });
}

/** The client's reply: shown at once, then the case is read again (a staff reply may have come meanwhile). */
export function useReplyToPortalCase(id: string) {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => http.post<PortalCaseComment>(`${portalCaseUrl(id)}/comments`, { text }),
    onSuccess: (comment) => {
      queryClient.setQueryData<PortalCase>(portalKeys.case(id), (current) => (current ? withComment(current, comment) : current));
      void queryClient.invalidateQueries({ queryKey: portalKeys.cases });
    },
    // A refusal (the case closed meanwhile) means the case shown is out of date.
    onError: () => void queryClient.invalidateQueries({ queryKey: portalKeys.case(id) }),
  });
}

/** The client's rating (SRV-5): the rated case as answered, and the list (which shows ratings) read again. */
export function useRatePortalCase(id: string) {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseRatingInput) => http.post<PortalCase>(`${portalCaseUrl(id)}/rating`, body),
    onSuccess: (rated) => {
      queryClient.setQueryData(portalKeys.case(id), rated);
      void queryClient.invalidateQueries({ queryKey: portalKeys.caseList });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: portalKeys.case(id) }),
  });
}
