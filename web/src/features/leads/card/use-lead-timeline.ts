import { useInfiniteQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../api/use-api';

/** The lead's timeline, newest first, a server page at a time. */
export function useLeadTimeline(leadId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.leads.timeline(leadId),
    queryFn: ({ pageParam }) => api.leadTimeline(leadId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
}
