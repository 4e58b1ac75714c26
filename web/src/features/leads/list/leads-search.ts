import { leadChannels, leadStatuses, type LeadChannel, type LeadStatus } from '@shared/domain/leads/lead-process';
import type { LeadListQuery } from '../../../api/crm-api';

/**
 * The leads list's URL search params: filters, sort and the current page's cursor. Unknown or
 * malformed values are dropped rather than failing the page (a hand-edited or stale link).
 */
export interface LeadsSearch {
  status?: LeadStatus;
  ownerId?: string;
  channel?: LeadChannel;
  /** Absent: newest first. */
  sort?: 'createdAt';
  cursor?: string;
}

export const leadsPageSize = 25;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const shortText = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;

export function validateLeadsSearch(search: Record<string, unknown>): LeadsSearch {
  const status = oneOf(leadStatuses, search.status);
  const ownerId = shortText(search.ownerId, 128);
  const channel = oneOf(leadChannels, search.channel);
  const cursor = shortText(search.cursor, 2000);
  return {
    ...(status ? { status } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(channel ? { channel } : {}),
    ...(search.sort === 'createdAt' ? { sort: 'createdAt' as const } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function listQueryOf(search: LeadsSearch): LeadListQuery {
  return {
    status: search.status,
    ownerId: search.ownerId,
    channel: search.channel,
    sort: search.sort ?? '-createdAt',
    limit: leadsPageSize,
    cursor: search.cursor,
  };
}

export const hasFilters = (search: LeadsSearch): boolean => Boolean(search.status || search.ownerId || search.channel);
