import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@shared/api/contracts';
import type { Activity, CreateActivityInput } from '@shared/domain/activities/activity';
import { recordKeys, resourceOfType, useRecordsHttp, type RegardingType } from '../records-http';

/** A record's activities (REC-7), and the writes on them; each write refreshes the list and the record's timeline. */
export interface Regarding {
  type: RegardingType;
  id: string;
}

/**
 * A PATCH of an activity. (The shared `UpdateActivityInput` infers `status` as undefined through
 * `updateShape` with a fixed field, so the patch the panel sends is typed here.)
 */
export interface ActivityPatch {
  version: number;
  status?: Activity['status'];
  outcome?: string | null;
  nextStep?: string | null;
}

export function useActivities(regarding: Regarding) {
  const http = useRecordsHttp();
  return useInfiniteQuery({
    queryKey: recordKeys.activities(regarding.type, regarding.id),
    queryFn: ({ pageParam }) =>
      http.get<Page<Activity>>('/api/activities', { parentType: regarding.type, parentId: regarding.id, limit: 100, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor,
  });
}

function useActivityWritten(regarding: Regarding) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['activities'] });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resourceOfType[regarding.type], regarding.id) });
  };
}

export function useCreateActivity(regarding: Regarding) {
  const http = useRecordsHttp();
  const written = useActivityWritten(regarding);
  return useMutation({ mutationFn: (input: CreateActivityInput) => http.post<Activity>('/api/activities', input), onSuccess: written });
}

export function useUpdateActivity(regarding: Regarding) {
  const http = useRecordsHttp();
  const written = useActivityWritten(regarding);
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ActivityPatch }) => http.patch<Activity>(`/api/activities/${encodeURIComponent(id)}`, patch),
    onSuccess: written,
    // A conflict: show the current versions.
    onError: written,
  });
}
