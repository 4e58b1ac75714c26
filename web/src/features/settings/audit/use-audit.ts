import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useRecordsHttp } from '../../../records/records-http';
import { auditQueryOf, usageQueryOf, type AuditSearch, type PeriodSearch } from './audit-search';
import type { AuditPage, UsagePage } from './audit-types';

/** Keys under `['audit']`: the journal by its filters, the repeated queries by their period. */
export const auditKeys = {
  all: ['audit'] as const,
  log: (query: Record<string, unknown>) => ['audit', 'log', query] as const,
  usage: (query: Record<string, unknown>) => ['audit', 'usage', query] as const,
};

/** The journal, newest first, a server page at a time ("load more"); off while the filters cannot be asked. */
export function useAuditLog(search: AuditSearch, enabled: boolean) {
  const http = useRecordsHttp();
  const query = auditQueryOf(search);
  return useInfiniteQuery({
    queryKey: auditKeys.log(query),
    queryFn: ({ pageParam }) => http.get<AuditPage>('/api/audit', auditQueryOf(search, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor || undefined,
    enabled,
  });
}

/** Identical calls repeated within the period, most repeated first. */
export function useAuditUsage(search: PeriodSearch, enabled: boolean) {
  const http = useRecordsHttp();
  const query = usageQueryOf(search);
  return useQuery({
    queryKey: auditKeys.usage(query),
    queryFn: () => http.get<UsagePage>('/api/audit/usage', query),
    enabled,
  });
}
