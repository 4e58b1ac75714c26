import { useRouterState } from '@tanstack/react-router';
import { AppLink } from '../imports/shared/AppLink';
import { useSettingsMessages } from './settings-messages';

/** The settings sections, the current one marked: custom fields (REC-9) and pipelines (REC-10). */
export function SettingsNav() {
  const m = useSettingsMessages();
  const pathname = useRouterState({ select: (state) => state.location.pathname });
  const sections = [
    { href: '/settings/fields/lead', match: '/settings/fields', label: m.nav.fields, testId: 'settings-nav-fields' },
    { href: '/settings/pipelines', match: '/settings/pipelines', label: m.nav.pipelines, testId: 'settings-nav-pipelines' },
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
