import type { AccessRequest, FileAccessRequest } from '@shared/api/contracts';
import type { Role } from '@shared/auth/roles';
import { staffRoles } from '../users/user-admin';

/**
 * Access requests' pure rules (ACC-5): the order shown (open ones first, the longest waiting on
 * top; decided ones latest first), the roles a user can still ask for, and what a request needs
 * before it is sent.
 */
const time = (iso: string | undefined): number => {
  const at = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(at) ? 0 : at;
};

/** Open first, oldest first (who has waited longest); then decided, most recently decided first. */
export function sortRequests<R extends Pick<AccessRequest, 'status' | 'createdAt' | 'decidedAt'>>(requests: readonly R[]): R[] {
  return [...requests].sort((a, b) => {
    if ((a.status === 'open') !== (b.status === 'open')) return a.status === 'open' ? -1 : 1;
    if (a.status === 'open') return time(a.createdAt) - time(b.createdAt);
    return time(b.decidedAt ?? b.createdAt) - time(a.decidedAt ?? a.createdAt);
  });
}

/** Staff roles the user does not have yet (a portal role is never asked for by staff). */
export function requestableRoles(mine: readonly string[]): Role[] {
  return staffRoles.filter((role) => !mine.includes(role));
}

/** The user's own request still waiting for an answer (one at a time). */
export const openRequestOf = <R extends Pick<AccessRequest, 'status' | 'requester'>>(requests: readonly R[], userId: string): R | undefined =>
  requests.find((request) => request.status === 'open' && request.requester.id === userId);

export const maxReasonLength = 1000;
export const maxNoteLength = 1000;

export type FileProblem = 'rolesRequired' | 'reasonRequired';

export function fileProblems(request: FileAccessRequest): { roles?: FileProblem; reason?: FileProblem } {
  return {
    ...(request.roles.length === 0 ? { roles: 'rolesRequired' as const } : {}),
    ...(request.reason.trim() ? {} : { reason: 'reasonRequired' as const }),
  };
}

/** The body as sent: the reason trimmed. */
export const fileBody = (request: FileAccessRequest): FileAccessRequest => ({ roles: [...request.roles], reason: request.reason.trim() });
