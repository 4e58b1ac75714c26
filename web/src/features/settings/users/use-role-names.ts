import { isRole } from '@shared/auth/roles';
import { useSettingsMessages } from '../settings-messages';

/** A role id in words, as the settings name it; an unknown id as it is. */
export function useRoleName(): (role: string) => string {
  const names = useSettingsMessages().pipelines.roles;
  return (role) => (isRole(role) ? names[role] : role);
}
