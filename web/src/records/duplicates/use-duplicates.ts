import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Account } from '@shared/domain/accounts/account';
import type { Contact } from '@shared/domain/contacts/contact';
import type { Lead } from '@shared/domain/leads/lead';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { MatchReason, MatchStrength } from '@shared/domain/duplicates/match-keys';
import type { HttpClient } from '../../api/http-client';
import { useHttpClient } from '../../api/use-http';

/**
 * Duplicates of a lead, an account or a contact, the two records of a merge, and the merge itself
 * (REC-12). Reading a merged record answers 308 and the browser follows it: the record that comes
 * back is then the survivor, with another id than the one asked for.
 */
export type MergeType = 'lead' | 'account' | 'contact';
export const mergeTypes: readonly MergeType[] = ['lead', 'account', 'contact'];
export type MergeRecord = Lead | Account | Contact;

export interface DuplicateCandidate {
  record: MergeRecord;
  reasons: MatchReason[];
  /** weak: alike by name, role mailbox or office line only (absent where the API does not say). */
  strength?: MatchStrength;
}

/** A pair of the type's duplicates view: both records, why they look alike, when it was seen. */
export interface DuplicatePair {
  records: [MergeRecord, MergeRecord];
  reasons: MatchReason[];
  /** weak: alike by name, role mailbox or office line only: maybe two people (pairs found before strengths have none). */
  strength?: MatchStrength;
  detectedAt: string;
}

export interface MergeBody {
  duplicateId: string;
  version: number;
  duplicateVersion: number;
  take: string[];
}

const resource: Record<MergeType, string> = { lead: 'leads', account: 'accounts', contact: 'contacts' };
const recordUrl = (type: MergeType, id: string) => `/api/${resource[type]}/${encodeURIComponent(id)}`;

export const duplicateKeys = {
  all: ['duplicates'] as const,
  of: (type: MergeType, id: string) => ['duplicates', 'of', type, id] as const,
  record: (type: MergeType, id: string) => ['duplicates', 'record', type, id] as const,
  customFields: (type: MergeType) => ['duplicates', 'custom-fields', type] as const,
  pairs: (type: MergeType) => ['duplicates', 'pairs', type] as const,
};

function duplicatesApi(http: HttpClient) {
  return {
    duplicates: (type: MergeType, id: string) => http.get<{ items: DuplicateCandidate[] }>(`${recordUrl(type, id)}/duplicates`),
    record: (type: MergeType, id: string) => http.get<MergeRecord>(recordUrl(type, id)),
    merge: (type: MergeType, survivorId: string, body: MergeBody) => http.post<MergeRecord>(`${recordUrl(type, survivorId)}/merge`, body),
    customFields: (type: MergeType) => http.get<{ fields: CustomField[]; version: number }>(`/api/custom-fields/${type}`),
    pairs: (type: MergeType, cursor?: string) =>
      http.get<{ items: DuplicatePair[]; nextCursor?: string }>(
        `/api/${resource[type]}/duplicates?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
    dismiss: (type: MergeType, ids: [string, string]) => http.post<unknown>(`/api/${resource[type]}/duplicates/dismiss`, { ids }),
  };
}

function useDuplicatesApi() {
  const http = useHttpClient();
  return useMemo(() => duplicatesApi(http), [http]);
}

export function useDuplicates(type: MergeType, id: string) {
  const api = useDuplicatesApi();
  return useQuery({ queryKey: duplicateKeys.of(type, id), queryFn: () => api.duplicates(type, id), staleTime: 30_000 });
}

export function useMergeRecord(type: MergeType, id: string) {
  const api = useDuplicatesApi();
  return useQuery({ queryKey: duplicateKeys.record(type, id), queryFn: () => api.record(type, id), staleTime: 0 });
}

export function useMergeCustomFields(type: MergeType) {
  const api = useDuplicatesApi();
  return useQuery({ queryKey: duplicateKeys.customFields(type), queryFn: () => api.customFields(type), staleTime: 5 * 60_000 });
}

/** The merge; afterwards every cached query is refreshed (lists, both records, timelines, children all changed). */
export function useMerge(type: MergeType, survivorId: string) {
  const api = useDuplicatesApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeBody) => api.merge(type, survivorId, body),
    // The merge screen's own two records are left alone: the page is about to be left, and the duplicate now redirects.
    onSuccess: () =>
      void queryClient.invalidateQueries({ predicate: (query) => !(query.queryKey[0] === 'duplicates' && query.queryKey[1] === 'record') }),
  });
}

/** The type's duplicates view, page after page. */
export function useDuplicatePairs(type: MergeType) {
  const api = useDuplicatesApi();
  return useInfiniteQuery({
    queryKey: duplicateKeys.pairs(type),
    queryFn: ({ pageParam }) => api.pairs(type, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** "Not duplicates": the pair leaves the view for good; the records' own panels are refreshed too. */
export function useDismissPair(type: MergeType) {
  const api = useDuplicatesApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids: [string, string]) => api.dismiss(type, ids),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: duplicateKeys.all }),
  });
}
