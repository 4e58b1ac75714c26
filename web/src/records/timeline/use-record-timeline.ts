import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page, TimelineEntry } from '@shared/api/contracts';
import { recordKeys, recordUrl, useRecordsHttp, type NotedResource } from '../records-http';

/** The record types with a history: those with notes, and catalog items. */
export type TimelineResource = NotedResource | 'products';

/** A record's timeline, newest first, a server page at a time. */
export function useRecordTimeline(resource: TimelineResource, id: string) {
  const http = useRecordsHttp();
  return useInfiniteQuery({
    queryKey: recordKeys.timeline(resource, id),
    queryFn: ({ pageParam }) => http.get<Page<TimelineEntry>>(`${recordUrl(resource, id)}/timeline`, { cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
}
