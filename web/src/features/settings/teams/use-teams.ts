import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamSet } from '@shared/domain/teams/team';
import { useRecordsHttp } from '../../../records/records-http';

/**
 * The teams' HTTP (ACC-2): the set read through the app's client (admins and department managers;
 * others get 403), saved whole with PUT and the version read (admins only).
 */
export const teamsKey = ['settings', 'teams'] as const;

/** `enabled: false` for those who may not read the teams (a page that only shows them in passing). */
export function useTeamSet(enabled = true) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: teamsKey,
    queryFn: () => http.get<TeamSet>('/api/teams'),
    enabled,
    // Edited in a draft: a refetch must not replace what the admin is changing.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSaveTeams() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (set: TeamSet) => http.put<TeamSet>('/api/teams', set),
    onSuccess: (saved) => {
      queryClient.setQueryData(teamsKey, saved);
      // Whatever else reads the teams (owner pickers, a manager's lists) reads them anew.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('teams') && query.queryKey[0] !== 'settings' });
    },
  });
}
