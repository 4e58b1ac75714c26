import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type * as z from 'zod';
import type { Account } from '@shared/domain/accounts/account';
import type { Contact } from '@shared/domain/contacts/contact';
import type { Deal } from '@shared/domain/deals/deal';
import type { Pipeline } from '@shared/domain/deals/pipeline';
import type { Lead } from '@shared/domain/leads/lead';
import type { convertLeadSchema } from '@shared/domain/leads/lead-conversion';
import { searchKeys } from '../../../api/search-api';
import { recordKeys, recordUrl, useRecordsHttp } from '../../../records/records-http';

/** `POST /api/leads/{id}/convert` (REC-1) and what its form reads: the pipelines a deal can go into. */
export type ConvertLeadBody = z.input<typeof convertLeadSchema>;

export interface Conversion {
  lead: Lead;
  deal: Deal;
  account?: Account;
  contact?: Contact;
}

/** `onConverted` runs first (the deal opens): the card's dialog unmounts once the lead reads converted. */
export function useConvertLead(leadId: string, onConverted: (result: Conversion) => void) {
  const http = useRecordsHttp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConvertLeadBody) => http.post<Conversion>(`${recordUrl('leads', leadId)}/convert`, body),
    onSuccess: (result) => {
      onConverted(result);
      queryClient.setQueryData(recordKeys.detail('leads', result.lead.id), result.lead);
      // The lead lists and timeline, the new records' lists, and search all changed.
      for (const key of [...(['leads', 'accounts', 'contacts', 'deals'] as const).map((resource) => recordKeys.all(resource)), searchKeys.all]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

export type PipelineInfo = Pick<Pipeline, 'id' | 'name' | 'stages'>;

export function usePipelines() {
  const http = useRecordsHttp();
  return useQuery({
    queryKey: ['pipelines', 'list'],
    queryFn: async () => (await http.get<{ items: PipelineInfo[] }>('/api/pipelines')).items,
    staleTime: 5 * 60_000,
  });
}
