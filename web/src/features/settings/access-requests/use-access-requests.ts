import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessRequest, DecideAccessRequest, FileAccessRequest } from '@shared/api/contracts';
import { queryKeys } from '../../../api/query-keys';
import { useRecordsHttp } from '../../../records/records-http';
import type { AccessStatus } from './access-requests-search';

/**
 * Access requests' HTTP (ACC-5) through the app's client: the list (an admin's: everyone's, by
 * status; anyone else's: their own), filing one's own, and an admin's grant or decline. A grant
 * changes a user's roles, so the user directory is read anew too.
 */
export function useAccessRequests(status?: AccessStatus) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: queryKeys.accessRequests.list(status ?? 'all'),
    queryFn: async () => (await http.get<{ items: AccessRequest[] }>('/api/access-requests', { status })).items,
  });
}

export function useFileAccessRequest() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileAccessRequest) => http.post<AccessRequest>('/api/access-requests', body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.accessRequests.all }),
  });
}

export interface Decision extends DecideAccessRequest {
  requestId: string;
  grant: boolean;
}

export function useDecideAccessRequest() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ requestId, grant, note }: Decision) =>
      http.post<AccessRequest>(`/api/access-requests/${encodeURIComponent(requestId)}/${grant ? 'grant' : 'decline'}`, (note ? { note } : {}) satisfies DecideAccessRequest),
    onSettled: (_result, _error, { grant }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.accessRequests.all });
      if (grant) void queryClient.invalidateQueries({ queryKey: queryKeys.users });
    },
  });
}
