import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ImportJob, ImportPhase, ImportStatus, ImportType, RowOutcome } from '@shared/domain/imports/import-job';
import { createImportsApi, type ImportsApi } from './imports-api';
import { useHttpClient } from '../../api/use-http';

/** Queries and writes of imports: one job followed while it works, the list, the reports. */
export const importKeys = {
  all: ['imports'] as const,
  list: ['imports', 'list'] as const,
  detail: (id: string) => ['imports', 'detail', id] as const,
  rows: (id: string, phase: ImportPhase, run: string | undefined, outcome: RowOutcome | undefined) => ['imports', 'rows', id, phase, run, outcome] as const,
  customFields: (type: ImportType) => ['imports', 'custom-fields', type] as const,
};

export function useImportsApi(): ImportsApi {
  const http = useHttpClient();
  return useMemo(() => createImportsApi(http), [http]);
}

/** Statuses in which the background runner moves the job on: followed every second. */
export const workingStatuses: readonly ImportStatus[] = ['reading', 'checking', 'importing'];
export const isWorking = (job: Pick<ImportJob, 'status'>): boolean => workingStatuses.includes(job.status);

export function useImportJob(id: string) {
  const api = useImportsApi();
  return useQuery({
    queryKey: importKeys.detail(id),
    queryFn: () => api.get(id),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isWorking(query.state.data) ? 1000 : false),
    refetchIntervalInBackground: false,
  });
}

export function useImportsList() {
  const api = useImportsApi();
  return useInfiniteQuery({
    queryKey: importKeys.list,
    queryFn: ({ pageParam }) => api.list(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 5_000,
    // Someone's import in the list is still working: keep its row fresh.
    refetchInterval: (query) => (query.state.data?.pages.some((page) => page.items.some(isWorking)) ? 5_000 : false),
  });
}

export function useCustomFields(type: ImportType) {
  const api = useImportsApi();
  return useQuery({ queryKey: importKeys.customFields(type), queryFn: () => api.customFields(type), staleTime: 5 * 60_000 });
}

export function useReportRows(job: ImportJob, phase: ImportPhase, outcome: RowOutcome | undefined, limit = 50) {
  const api = useImportsApi();
  const run = job.runs?.[phase];
  return useInfiniteQuery({
    queryKey: importKeys.rows(job.id, phase, run, outcome),
    queryFn: ({ pageParam }) => api.rows(job.id, { phase, limit, ...(outcome ? { outcome } : {}), ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
    enabled: Boolean(run),
    staleTime: 60_000,
  });
}

/**
 * A write on the job (mapping, check, run, resume, cancel) from the version shown. The answer
 * replaces the cached job; a failure (a 409: someone else moved it on; a 422: no longer allowed in
 * its status) refetches it, so the page shows the truth before the user tries again.
 */
export function useImportAction<V>(id: string, action: (api: ImportsApi, variables: V) => Promise<ImportJob>) {
  const api = useImportsApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: V) => action(api, variables),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
    },
    // A failed write may follow a successful one (mapping saved, check refused): refetch in any case.
    onError: () => void queryClient.invalidateQueries({ queryKey: importKeys.detail(id) }),
  });
}

/** The current time, ticking: for "stalled for over two minutes". */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

export const stallMs = 2 * 60_000;

export const isStalled = (job: ImportJob, now: number): boolean =>
  (job.status === 'checking' || job.status === 'importing') && now - new Date(job.updatedAt).getTime() > stallMs;
