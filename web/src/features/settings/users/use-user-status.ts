import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UserSummary } from '@shared/api/contracts';
import { queryKeys } from '../../../api/query-keys';
import { useRecordsHttp } from '../../../records/records-http';
import { userPath } from './use-user-admin';

/**
 * Disabling and enabling a user (ACC-1, admins only): a POST without a body, answered with the
 * user. Afterwards the directory is read anew, so every screen naming users sees the change.
 */
export interface UserStatusChange {
  userId: string;
  disable: boolean;
}

export function useSetUserStatus() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disable }: UserStatusChange) => http.post<UserSummary>(`${userPath(userId)}/${disable ? 'disable' : 'enable'}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}
