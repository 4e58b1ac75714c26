import type * as z from 'zod';
import type { createLeadSchema, Lead, RejectLeadInput, UpdateLeadInput } from '@shared/domain/leads/lead';
import { useCreateRecord, useRecord, useRecordCommand, useUpdateRecord } from '../../../records/page/use-record';

/**
 * One lead, and the writes on it, through the records kit like every record type: a write puts
 * the lead it answers in the cache and refreshes the lists, the lead's timeline, duplicates and search.
 */
export const useLead = (leadId: string) => useRecord<Lead>('leads', leadId);

/** A create request as sent: what the schema accepts, before its defaults and transforms. */
export type CreateLeadBody = z.input<typeof createLeadSchema>;

export const useCreateLead = () => useCreateRecord<Lead, CreateLeadBody>('leads');

export const useUpdateLead = (leadId: string) => useUpdateRecord<Lead, UpdateLeadInput>('leads', leadId);

/** The lead command that closes it, at its current stage, with a reason. */
export const useRejectLead = (leadId: string) => useRecordCommand<Lead, RejectLeadInput>('leads', leadId, 'reject');
