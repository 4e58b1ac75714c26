import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { InviteUserRequest, SetRolesRequest, UserSummary } from '@shared/api/contracts';
import { queryKeys } from '../../../api/query-keys';
import { useRecordsHttp } from '../../../records/records-http';
import { teamsKey } from '../teams/use-teams';

/**
 * An admin's changes to users (ACC-5) through the app's client: inviting (the user is created and
 * emailed a temporary password, optionally into a team), sending a fresh invitation, replacing the
 * roles. Afterwards the directory is read anew; an invitation into a team re-reads the teams too.
 */
export const userPath = (userId: string): string => `/api/users/${encodeURIComponent(userId)}`;

export function useInviteUser() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserRequest) => http.post<UserSummary>('/api/users/invitations', body),
    onSuccess: (_user, body) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      if (body.teamId) void queryClient.invalidateQueries({ queryKey: teamsKey });
    },
  });
}

export function useResendInvitation() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => http.post<UserSummary>(`${userPath(userId)}/invitation`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export interface RolesChange extends SetRolesRequest {
  userId: string;
}

export function useSetRoles() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: RolesChange) => http.put<UserSummary>(`${userPath(userId)}/roles`, { roles } satisfies SetRolesRequest),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
