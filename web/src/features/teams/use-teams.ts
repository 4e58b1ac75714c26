import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TeamSet } from '@shared/domain/teams/team';
import { ApiRequestError } from '../../api/api-error';
import { useAuthSession } from '../../auth/use-auth';
import { useRecordsHttp } from '../records/records-http';

/**
 * The teams' HTTP (ACC-2): the set read through the app's client (admins and department managers;
 * others get 403), saved whole with PUT and the version read (admins only).
 */
export const teamsKey = ['settings', 'teams'] as const;

export function useTeamSet() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: teamsKey,
    queryFn: () => http.get<TeamSet>('/api/teams'),
    // Edited in a draft: a refetch must not replace what the admin is changing.
    staleTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useSaveTeams() {
  const auth = useAuthSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (set: TeamSet): Promise<TeamSet> => {
      const token = await auth.idToken();
      if (!token) {
        if (auth.isSignedIn) auth.signOut('expired');
        throw new ApiRequestError(401, 'unauthorized', 'Not signed in');
      }
      const response = await fetch('/api/teams', {
        method: 'PUT',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(set),
      }).catch((error: unknown) => Promise.reject(ApiRequestError.network(error)));
      if (response.status === 401 && auth.isSignedIn) auth.signOut('expired');
      if (!response.ok) throw await ApiRequestError.fromResponse(response);
      return (await response.json()) as TeamSet;
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(teamsKey, saved);
      // Whatever else reads the teams (owner pickers, a manager's lists) reads them anew.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes('teams') && query.queryKey[0] !== 'settings' });
    },
  });
}
