import type { Page, TimelineEntry, UserSummary } from '@shared/api/contracts';
import type * as z from 'zod';
import type { createLeadSchema, Lead, RejectLeadInput, UpdateLeadInput } from '@shared/domain/leads/lead';
import type { LeadChannel, LeadStatus } from '@shared/domain/leads/lead-process';
import type { HttpClient } from './http-client';

/** The CRM's API routes (infra/definition/app.ts) as typed calls. */
export interface LeadListQuery {
  status?: LeadStatus;
  ownerId?: string;
  channel?: LeadChannel;
  sort: 'createdAt' | '-createdAt';
  limit: number;
  cursor?: string;
}

/** A create request as sent: what the schema accepts, before its defaults and transforms. */
export type CreateLeadBody = z.input<typeof createLeadSchema>;

export interface CrmApi {
  startSession(): Promise<UserSummary>;
  listUsers(): Promise<UserSummary[]>;
  listLeads(query: LeadListQuery): Promise<Page<Lead>>;
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
    listLeads: (query) => http.get('/api/leads', { ...query }),
    getLead: (id) => http.get(leadPath(id)),
    createLead: (input) => http.post('/api/leads', input),
    updateLead: (id, patch) => http.patch(leadPath(id), patch),
    rejectLead: (id, input) => http.post(`${leadPath(id)}/reject`, input),
    leadTimeline: (id, cursor) => http.get(`${leadPath(id)}/timeline`, { cursor }),
  };
}
