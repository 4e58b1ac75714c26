import { useMutation, useQuery, useQueryClient, type Query } from '@tanstack/react-query';
import type { CustomField, CustomizableType } from '@shared/domain/custom-fields/custom-field';
import type { Pipeline } from '@shared/domain/deals/pipeline';
import { ApiRequestError } from '../../api/api-error';
import { useCan } from '../../auth/use-can';
import { useRecordsHttp } from '../../records/records-http';

/**
 * The settings' HTTP (REC-9 custom fields, REC-10 pipelines): reads through the app's client,
 * saves with PUT (which the shared client does not have), and who may change what.
 */
export interface CustomFieldSet {
  fields: CustomField[];
  version: number;
}

export type StoredPipeline = Pipeline & { version: number };
export type PipelineBody = Pick<Pipeline, 'name' | 'stages'> & { version?: number };

export const settingsKeys = {
  customFields: (type: CustomizableType) => ['settings', 'custom-fields', type] as const,
  pipelines: () => ['settings', 'pipelines'] as const,
  pipeline: (id: string) => ['settings', 'pipelines', id] as const,
};

/** Settings are edited in a draft: a refetch must not replace what the user is typing. */
const draftQuery = { staleTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false } as const;

export function useCustomFieldSet(type: CustomizableType) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: settingsKeys.customFields(type),
    queryFn: () => http.get<CustomFieldSet>(`/api/custom-fields/${type}`),
    ...draftQuery,
  });
}

export function usePipelines() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: settingsKeys.pipelines(),
    queryFn: () => http.get<{ items: StoredPipeline[] }>('/api/pipelines'),
    ...draftQuery,
  });
}

export function usePipeline(id: string) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: settingsKeys.pipeline(id),
    queryFn: () => http.get<StoredPipeline>(`/api/pipelines/${encodeURIComponent(id)}`),
    ...draftQuery,
    retry: (count, error) => !(error instanceof ApiRequestError && error.isNotFound) && count < 2,
  });
}

/** Does a query key mention this word (any feature's `custom-fields` or `pipelines` cache)? */
const mentions =
  (...words: string[]) =>
  (query: Query): boolean =>
    query.queryKey.some((part) => typeof part === 'string' && words.includes(part));

export function useSaveCustomFields(type: CustomizableType) {
  const { put } = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (set: CustomFieldSet) => put<CustomFieldSet>(`/api/custom-fields/${type}`, set),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.customFields(type), saved);
      // Forms, lists, imports and merges read the definitions under their own keys.
      void queryClient.invalidateQueries({
        predicate: (query) => mentions('custom-fields', 'customFields')(query) && query.queryKey.includes(type) && query.queryKey[0] !== 'settings',
      });
    },
  });
}

export function useSavePipeline(id: string) {
  const { put } = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineBody) => put<StoredPipeline>(`/api/pipelines/${encodeURIComponent(id)}`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(settingsKeys.pipeline(id), saved);
      void queryClient.invalidateQueries({ predicate: (query) => mentions('pipelines', 'pipeline')(query) && query.queryKey.join() !== settingsKeys.pipeline(id).join() });
    },
  });
}

/** Who may change what (the permission matrix): custom fields are the admin's; pipelines also the sales manager's. */
export function useSettingsRights(): { fields: boolean; pipelines: boolean } {
  const can = useCan();
  return { fields: can('custom-fields', 'manage'), pipelines: can('pipelines', 'manage') };
}
