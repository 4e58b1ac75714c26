import type { UserSummary } from '@shared/api/contracts';
import { isRole, type Role } from '@shared/auth/roles';
import { userLabel } from '../../../api/use-users';
import { useSettingsMessages } from '../settings-messages';
import { useTeamsMessages } from './teams-messages';

/** User ids → names, and a user's roles in words. */
export function useUserLabels(users: readonly UserSummary[]) {
  const m = useTeamsMessages();
  const roleNames = useSettingsMessages().pipelines.roles;
  return {
    roleName: (role: Role): string => roleNames[role],
    of: (userId: string): string => {
      const user = users.find((u) => u.id === userId);
      return user ? userLabel(user) : m.unknownUser(userId);
    },
    roles: (user: Pick<UserSummary, 'roles'>): string => (user.roles.length ? user.roles.map((role) => (isRole(role) ? roleNames[role] : role)).join(', ') : m.noRoles),
  };
}

