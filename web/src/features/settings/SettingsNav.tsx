import { useRouterState } from '@tanstack/react-router';
import { useCan } from '../../auth/use-can';
import { useAccessRequestsMessages } from './access-requests/access-requests-messages';
import { useApiKeysMessages } from './api-keys/api-keys-messages';
import { useAuditMessages } from './audit/audit-messages';
import { AppLink } from '../../ui/AppLink';
import { useSharingMessages } from './sharing/sharing-messages';
import { useTeamsMessages } from './teams/teams-messages';
import { useUsersMessages } from './users/users-messages';
import { useSettingsMessages } from './settings-messages';

/**
 * The settings sections, the current one marked: custom fields (REC-9), pipelines (REC-10), for
 * admins and department managers the teams and the sharing of record types (ACC-2), for staff the users (ACC-1) and, for admins,
 * the access requests (ACC-5), the API keys and the audit trail (ACC-4).
 */
export function SettingsNav() {
  const m = useSettingsMessages();
  const am = useAuditMessages();
  const tm = useTeamsMessages();
  const shm = useSharingMessages();
  const um = useUsersMessages();
  const arm = useAccessRequestsMessages();
  const km = useApiKeysMessages();
  const can = useCan();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const sections = [
    { href: '/settings/fields/lead', match: '/settings/fields', label: m.nav.fields, testId: 'settings-nav-fields' },
    { href: '/settings/pipelines', match: '/settings/pipelines', label: m.nav.pipelines, testId: 'settings-nav-pipelines' },
    ...(can('teams', 'read')
      ? [
          { href: '/settings/teams', match: '/settings/teams', label: tm.nav.teams, testId: 'settings-nav-teams' },
          { href: '/settings/sharing', match: '/settings/sharing', label: shm.nav.sharing, testId: 'settings-nav-sharing' },
        ]
      : []),
    ...(can('users', 'read') ? [{ href: '/settings/users', match: '/settings/users', label: um.nav.users, testId: 'settings-nav-users' }] : []),
    ...(can('access-requests', 'manage')
      ? [{ href: '/settings/access-requests', match: '/settings/access-requests', label: arm.nav.requests, testId: 'settings-nav-access-requests' }]
      : []),
    ...(can('api-keys', 'read') ? [{ href: '/settings/api-keys', match: '/settings/api-keys', label: km.nav.keys, testId: 'settings-nav-api-keys' }] : []),
    ...(can('audit', 'read') ? [{ href: '/settings/audit', match: '/settings/audit', label: am.nav.audit, testId: 'settings-nav-audit' }] : []),
  ];
  return (
    <nav className="settings-nav" aria-label={m.nav.label}>
      <span className="settings-nav-title">{m.nav.title}</span>
      <ul>
        {sections.map((section) => {
          const current = pathname.startsWith(section.match);
          return (
            <li key={section.href}>
              <AppLink href={section.href} className={current ? 'settings-nav-link settings-nav-link-on' : 'settings-nav-link'} testId={section.testId}>
                <span aria-current={current ? 'page' : undefined}>{section.label}</span>
              </AppLink>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
