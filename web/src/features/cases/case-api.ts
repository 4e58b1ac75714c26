import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page, TimelineEntry } from '@shared/api/contracts';
import type { Case } from '@shared/domain/cases/case';
import type { Contact } from '@shared/domain/contacts/contact';
import { isApiError } from '../../api/api-error';
import { recordKeys, recordUrl, useRecordsHttp } from '../../records/records-http';
import { useRecordTimeline } from '../../records/timeline/use-record-timeline';

/**
 * A case, its writes (save, a reply to the client) and its timeline, and the contacts of an
 * account to choose from; each write refreshes the lists and the timeline it changes.
 */
const resource = 'cases';

export function useCase(caseId: string) {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: recordKeys.detail(resource, caseId),
    queryFn: () => http.get<Case>(recordUrl(resource, caseId)),
    // A missing case or a malformed id will not appear by asking again.
    retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
  });
}

/** After a save: the case as saved, the lists (the account card's too) and its timeline read again. */
function useCaseSaved() {
  const queryClient = useQueryClient();
  return (saved: Case) => {
    queryClient.setQueryData(recordKeys.detail(resource, saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: recordKeys.lists(resource) });
    void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resource, saved.id) });
    void queryClient.invalidateQueries({ queryKey: ['search'] });
  };
}

export function useSaveCase(caseId?: string) {
  const http = useRecordsHttp();
  const saved = useCaseSaved();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => (caseId ? http.patch<Case>(recordUrl(resource, caseId), body) : http.post<Case>(`/api/${resource}`, body)),
    onSuccess: saved,
  });
}

/**
 * The case's timeline, newest first: changes, internal notes, replies, the rating. The records
 * kit's timeline type lists the resources it grew with; its URL and key are the same for cases.
 */
export const useCaseTimeline = (caseId: string) => useRecordTimeline(resource, caseId);

/** A reply the client sees in the portal (`POST /api/cases/{id}/comments`); the case keeps its version. */
export function useReplyToClient(caseId: string) {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { text: string }) => http.post<TimelineEntry>(`${recordUrl(resource, caseId)}/comments`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: recordKeys.timeline(resource, caseId) }),
  });
}

/** The first hundred contacts of an account, for the case's contact; nothing without an account. */
export function useAccountContacts(accountId: string | undefined) {
  const http = useRecordsHttp();
  const query = { parentId: accountId ?? '', limit: 100 };
  return useQuery({
    queryKey: [...recordKeys.lists('contacts'), query],
    queryFn: async () => (await http.get<Page<Contact>>('/api/contacts', query)).items,
    enabled: Boolean(accountId),
    staleTime: 60_000,
  });
}
