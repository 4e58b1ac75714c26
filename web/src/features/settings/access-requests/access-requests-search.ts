import type { AccessRequest } from '@shared/api/contracts';

/**
 * The admin's access requests page's URL search (ACC-5): a status, or none for all of them. Its
 * own small module: the settings routes (in the initial bundle) read it.
 */
export const accessStatuses = ['open', 'granted', 'declined'] as const satisfies readonly AccessRequest['status'][];
export type AccessStatus = (typeof accessStatuses)[number];

export interface AccessRequestsSearch {
  /** Absent: all of them. */
  status?: AccessStatus;
}

export function validateAccessRequestsSearch(search: Record<string, unknown>): AccessRequestsSearch {
  const status = accessStatuses.find((s) => s === search.status);
  return status ? { status } : {};
}
