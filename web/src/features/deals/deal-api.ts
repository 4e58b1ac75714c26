import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { CreateDealInput, Deal, MoveDealInput, UpdateDealInput } from '@shared/domain/deals/deal';
import type { Pipeline, Stage } from '@shared/domain/deals/pipeline';
import type { Product } from '@shared/domain/products/product';
import { namedRecordQuery } from '../../records/record-batch';
import { recordKeys, recordUrl, useRecordsHttp } from '../../records/records-http';

/**
 * The deal pages' data: a deal and its writes (save, stage move), the pipelines with their stage
 * rules, and the records a deal names (account, contacts, products) read by id for their names.
 */
export type StoredPipeline = Pipeline & { version?: number };

export const dealKeys = {
  pipelines: ['pipelines'] as const,
};

export function useDeal(dealId: string) {
  const http = useRecordsHttp();
  return useQuery({ queryKey: recordKeys.detail('deals', dealId), queryFn: () => http.get<Deal>(recordUrl('deals', dealId)) });
}

/** Pipelines change rarely (an admin's setting). */
export function usePipelines() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: dealKeys.pipelines,
    queryFn: async () => (await http.get<{ items: StoredPipeline[] }>('/api/pipelines')).items,
    staleTime: 5 * 60_000,
  });
}

/** A stage's name by pipeline and stage id; the id itself until the pipelines load (or if unknown). */
export function useStageName(): (pipelineId: string | undefined, stageId: string) => string {
  const { data: pipelines } = usePipelines();
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const pipeline of pipelines ?? []) for (const stage of pipeline.stages) names.set(`${pipeline.id}/${stage.id}`, stage.name);
    const anyPipeline = new Map<string, string>();
    for (const pipeline of pipelines ?? []) for (const stage of pipeline.stages) if (!anyPipeline.has(stage.id)) anyPipeline.set(stage.id, stage.name);
    return (pipelineId, stageId) => (pipelineId ? names.get(`${pipelineId}/${stageId}`) : undefined) ?? anyPipeline.get(stageId) ?? stageId;
  }, [pipelines]);
}

export const stageOfPipeline = (pipeline: Pipeline | undefined, id: string): Stage | undefined => pipeline?.stages.find((s) => s.id === id);

/** After any write: the deal as saved, and every list and the deal's history refreshed. */
function useDealSaved() {
  const queryClient = useQueryClient();
  return (deal: Deal) => {
    queryClient.setQueryData(recordKeys.detail('deals', deal.id), deal);
    void queryClient.invalidateQueries({ queryKey: recordKeys.lists('deals') });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline('deals', deal.id) });
  };
}

export function useCreateDeal() {
  const http = useRecordsHttp();
  const saved = useDealSaved();
  return useMutation({ mutationFn: (input: CreateDealInput) => http.post<Deal>('/api/deals', input), onSuccess: saved });
}

export function useUpdateDeal(dealId: string) {
  const http = useRecordsHttp();
  const saved = useDealSaved();
  return useMutation({ mutationFn: (patch: UpdateDealInput) => http.patch<Deal>(recordUrl('deals', dealId), patch), onSuccess: saved });
}

export function useMoveDeal(dealId: string) {
  const http = useRecordsHttp();
  const saved = useDealSaved();
  return useMutation({ mutationFn: (input: MoveDealInput) => http.post<Deal>(`${recordUrl('deals', dealId)}/stage`, input), onSuccess: saved });
}

/** A record by id for its name, read with the others of its tick in one request; shares the record pages' cache. */
export function useProducts(ids: readonly string[]) {
  const http = useRecordsHttp();
  return useQueries({
    queries: ids.map((id) => namedRecordQuery<Product>(http, 'products', id, 30_000)),
  });
}

