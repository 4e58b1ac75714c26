import { can, type Action, type Subject } from '@shared/auth/permissions';
import { isRole } from '@shared/auth/roles';
import { useAuthState } from './use-auth';

/**
 * What the signed-in user's roles allow, by the same matrix the API enforces (ACC-1): the UI hides
 * what a role cannot do. Hiding is a courtesy; the API's check is the one that counts.
 */
export function useCan(): (subject: Subject, action: Action) => boolean {
  const roles = (useAuthState().user?.roles ?? []).filter(isRole);
  return (subject, action) => can(roles, subject, action);
}
