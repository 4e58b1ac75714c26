import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { isApiError } from '../../api/api-error';
import type { RecordBase } from '@shared/domain/records/record-type';
import { recordKeys, recordUrl, useRecordsHttp } from '../records-http';
import { duplicateKeys } from '../duplicates/use-duplicates';

/**
 * One account, contact or lead, and its create, update and commands (a lead's reject). Reading a
 * merged record answers 308 and the browser follows it: what comes back is the survivor, with
 * another id than the one asked for; `useFollowMerged` then moves the page to the survivor's
 * address and says so.
 */
export type KitResource = 'accounts' | 'contacts' | 'leads';

declare module '@tanstack/history' {
  interface HistoryState {
    /** The id the user asked for, when it had been merged into the record shown. */
    recordMovedFrom?: string;
  }
}

export function useRecord<T extends RecordBase>(resource: KitResource, id: string) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: recordKeys.detail(resource, id),
    queryFn: () => http.get<T>(recordUrl(resource, id)),
    // A missing record or a malformed id will not appear by asking again.
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
  });
}

/** When the record answered is another (the survivor of a merge), go to its page (`suffix`: `/edit`). */
export function useFollowMerged(resource: KitResource, requestedId: string, record: RecordBase | undefined, suffix = ''): boolean {
  const router = useRouter();
  const queryClient = useQueryClient();
  const moved = Boolean(record && record.id !== requestedId);
  useEffect(() => {
    if (!record || record.id === requestedId) return;
    queryClient.setQueryData(recordKeys.detail(resource, record.id), record);
    void router.navigate({
      href: `/${resource}/${encodeURIComponent(record.id)}${suffix}`,
      replace: true,
      state: (state) => ({ ...state, recordMovedFrom: requestedId }),
    });
  }, [record, requestedId, resource, suffix, router, queryClient]);
  return moved;
}

/** The page was reached by following a merged record's id. */
export function useMovedFrom(): string | undefined {
  return useRouterState({ select: (state) => state.location.state.recordMovedFrom });
}

function useSaved<T extends RecordBase>(resource: KitResource) {
  const queryClient = useQueryClient();
  return (record: T) => {
    queryClient.setQueryData(recordKeys.detail(resource, record.id), record);
    void queryClient.invalidateQueries({ queryKey: recordKeys.lists(resource) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resource, record.id) });
    void queryClient.invalidateQueries({ queryKey: duplicateKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useCreateRecord<T extends RecordBase, B>(resource: KitResource) {
  const http = useRecordsHttp();
  const saved = useSaved<T>(resource);
  return useMutation({ mutationFn: (body: B) => http.post<T>(`/api/${resource}`, body), onSuccess: saved });
}

export function useUpdateRecord<T extends RecordBase, P extends { version: number }>(resource: KitResource, id: string) {
  const http = useRecordsHttp();
  const saved = useSaved<T>(resource);
  return useMutation({ mutationFn: (patch: P) => http.patch<T>(recordUrl(resource, id), patch), onSuccess: saved });
}

/** A command on a record (`POST /api/<resource>/<id>/<command>`: a lead's `reject`) that answers the record as it is now. */
export function useRecordCommand<T extends RecordBase, B>(resource: KitResource, id: string, command: string) {
  const http = useRecordsHttp();
  const saved = useSaved<T>(resource);
  return useMutation({ mutationFn: (body: B) => http.post<T>(`${recordUrl(resource, id)}/${command}`, body), onSuccess: saved });
}
