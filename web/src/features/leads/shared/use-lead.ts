import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Lead, RejectLeadInput, UpdateLeadInput } from '@shared/domain/leads/lead';
import type { CreateLeadBody } from '../../../api/crm-api';
import { queryKeys } from '../../../api/query-keys';
import { useApi } from '../../../api/use-api';

/** One lead, and the writes on it; every write refreshes the lists and the lead's timeline. */
export function useLead(leadId: string) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.leads.detail(leadId), queryFn: () => api.getLead(leadId) });
}

function useLeadSaved() {
  const queryClient = useQueryClient();
  return (lead: Lead) => {
    queryClient.setQueryData(queryKeys.leads.detail(lead.id), lead);
    void queryClient.invalidateQueries({ queryKey: ['leads', 'list'] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.leads.timeline(lead.id) });
  };
}

export function useCreateLead() {
  const api = useApi();
  const saved = useLeadSaved();
  return useMutation({ mutationFn: (input: CreateLeadBody) => api.createLead(input), onSuccess: saved });
}

export function useUpdateLead(leadId: string) {
  const api = useApi();
  const saved = useLeadSaved();
  return useMutation({ mutationFn: (patch: UpdateLeadInput) => api.updateLead(leadId, patch), onSuccess: saved });
}

export function useRejectLead(leadId: string) {
  const api = useApi();
  const saved = useLeadSaved();
  return useMutation({ mutationFn: (input: RejectLeadInput) => api.rejectLead(leadId, input), onSuccess: saved });
}
