import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeySummary, CreateApiKeyRequest, CreatedApiKey } from '@shared/api/contracts';
import { queryKeys } from '../../../api/query-keys';
import { useRecordsHttp } from '../../../records/records-http';

/** Integration API keys' HTTP (admins) through the app's client: the list, a new key (its secret in that one answer), revoking one. */
export function useApiKeys() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: queryKeys.apiKeys,
    queryFn: async () => (await http.get<{ items: ApiKeySummary[] }>('/api/api-keys')).items,
  });
}

export function useCreateApiKey() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => http.post<CreatedApiKey>('/api/api-keys', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}

export function useRevokeApiKey() {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => http.post<ApiKeySummary>(`/api/api-keys/${encodeURIComponent(keyId)}/revoke`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
}
