import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useHttpClient } from './use-http';

/**
 * Quick search (REC-13): `GET /api/search?q=&types=&limit=` as the user types, through the app's
 * JSON client with TanStack Query's abort signal, so a request the user has typed past is dropped.
 */
export const searchTypes = ['lead', 'account', 'contact', 'deal', 'product'] as const;
export type SearchType = (typeof searchTypes)[number];

export interface SearchHit {
  type: SearchType;
  id: string;
  title: string;
  subtitle?: string;
  ownerId: string;
}

export interface SearchQuery {
  q: string;
  types?: readonly SearchType[];
  limit?: number;
}

/** Fewer characters than this find too much to be useful, and cost a request per keystroke. */
export const minSearchLength = 2;

const resources: Record<SearchType, string> = { lead: 'leads', account: 'accounts', contact: 'contacts', deal: 'deals', product: 'products' };

/** The app's page of a found record: `account` + id → `/accounts/<id>`. */
export const searchHitHref = (type: SearchType, id: string): string => `/${resources[type]}/${encodeURIComponent(id)}`;

const isSearchType = (type: string): type is SearchType => (searchTypes as readonly string[]).includes(type);

export const searchKeys = {
  all: ['search'] as const,
  query: (query: SearchQuery) => ['search', { q: query.q, types: query.types?.join(',') ?? '', limit: query.limit ?? 10 }] as const,
};

/** The search request; the query text goes as typed (the server normalises phones, case, ё). */
export function useSearchFetch(): (query: SearchQuery, signal?: AbortSignal) => Promise<SearchHit[]> {
  const http = useHttpClient();
  return async (query, signal) => {
    const params = { q: query.q, limit: query.limit ?? 10, types: query.types?.length ? query.types.join(',') : undefined };
    const body = await http.get<{ items?: { type: string; id: string; title: string; subtitle?: string; ownerId: string }[] }>('/api/search', params, { signal });
    // Only the types the app has pages for (activities are found through their records).
    return (body.items ?? []).flatMap((item) => (isSearchType(item.type) ? [{ ...item, type: item.type }] : []));
  };
}

/**
 * Search results for a text the user is typing: asked `delay` ms after the last keystroke, from
 * `minSearchLength` characters; the previous results stay while the next ones load, and a request
 * the user has typed past is aborted (its answer could never replace the newer one anyway).
 */
export function useRecordSearch(text: string, options: { types?: readonly SearchType[]; limit?: number; delay?: number; enabled?: boolean } = {}) {
  const q = useDebounced(text.trim(), options.delay ?? 200);
  const fetchHits = useSearchFetch();
  const query: SearchQuery = { q, ...(options.types ? { types: options.types } : {}), limit: options.limit ?? 10 };
  const enabled = (options.enabled ?? true) && q.length >= minSearchLength;
  const result = useQuery({
    queryKey: searchKeys.query(query),
    queryFn: ({ signal }) => fetchHits(query, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });
  /** The text is long enough and the debounce has caught up with it. */
  const settled = q === text.trim();
  return { ...result, q, enabled, settled };
}

export function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
