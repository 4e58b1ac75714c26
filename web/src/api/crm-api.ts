import type { Page, TimelineEntry, UserSummary } from '@shared/api/contracts';
import type * as z from 'zod';
import type { createLeadSchema, Lead, RejectLeadInput, UpdateLeadInput } from '@shared/domain/leads/lead';
import type { HttpClient } from './http-client';

/** A create request as sent: what the schema accepts, before its defaults and transforms. */
export type CreateLeadBody = z.input<typeof createLeadSchema>;

/** The CRM's lead and user routes (shared/api/routes) as typed calls; other record types go through records-http. */
export interface CrmApi {
  startSession(): Promise<UserSummary>;
  listUsers(): Promise<UserSummary[]>;
  getLead(id: string): Promise<Lead>;
  createLead(input: CreateLeadBody): Promise<Lead>;
  updateLead(id: string, patch: UpdateLeadInput): Promise<Lead>;
  rejectLead(id: string, input: RejectLeadInput): Promise<Lead>;
  leadTimeline(id: string, cursor?: string): Promise<Page<TimelineEntry>>;
}

const leadPath = (id: string) => `/api/leads/${encodeURIComponent(id)}`;

export function createCrmApi(http: HttpClient): CrmApi {
  return {
    startSession: () => http.post('/api/session'),
    listUsers: async () => (await http.get<{ items: UserSummary[] }>('/api/users')).items,
    getLead: (id) => http.get(leadPath(id)),
    createLead: (input) => http.post('/api/leads', input),
    updateLead: (id, patch) => http.patch(leadPath(id), patch),
    rejectLead: (id, input) => http.post(`${leadPath(id)}/reject`, input),
    leadTimeline: (id, cursor) => http.get(`${leadPath(id)}/timeline`, { cursor }),
  };
}
