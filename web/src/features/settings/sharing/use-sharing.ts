import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SharingSet } from '@shared/domain/access/sharing';
import { useRecordsHttp } from '../../../records/records-http';

/** The sharing of record types (ACC-2): read by admins and department managers, saved whole with the version read (admins). */
export const sharingKey = ['settings', 'sharing'] as const;

export function useSharing() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: sharingKey,
    queryFn: () => http.get<SharingSet>('/api/sharing'),
    // Edited in a draft: a refetch must not replace what the admin is choosing.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSaveSharing() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (set: SharingSet) => http.put<SharingSet>('/api/sharing', set),
    onSuccess: (saved) => {
      queryClient.setQueryData(sharingKey, saved);
      // Lists and cards read anew: what this user sees may have changed with it.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'settings' });
    },
  });
}
