import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { queryKeys } from './query-keys';
import { useHttpClient } from './use-http';

/** The user directory (owners to pick from and to show by name); it changes rarely. */
export function useUsers() {
  const http = useHttpClient();
  return useQuery({ queryKey: queryKeys.users, queryFn: async () => (await http.get<{ items: UserSummary[] }>('/api/users')).items, staleTime: 5 * 60_000 });
}

export const userLabel = (user: Pick<UserSummary, 'name' | 'email'>): string => user.name || user.email;

/** A user id → a readable name; the id itself until the directory has loaded (or if unknown). */
export function useUserName(): (id: string | undefined) => string {
  const { data: users } = useUsers();
  return useCallback(
    (id) => {
      if (!id) return '';
      const user = users?.find((u) => u.id === id);
      return user ? userLabel(user) : id;
    },
    [users],
  );
}
