import { useId, type ReactNode } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { SettingsNav } from './SettingsNav';

interface SettingsSectionProps {
  title: string;
  intro: string;
  testId: string;
  className?: string;
  /** Whether the user may see the section; otherwise `forbidden` is said instead of sending a request bound to 403. */
  allowed: boolean;
  forbidden: string;
  children: ReactNode;
}

/** A settings page's frame: the sections' navigation, the title, what the section is for, and its body or why it is not the user's. */
export function SettingsSection({ title, intro, testId, className, allowed, forbidden, children }: SettingsSectionProps) {
  const titleId = useId();
  useDocumentTitle(title);
  return (
    <section className={`page page-wide settings-page${className ? ` ${className}` : ''}`} aria-labelledby={titleId} data-testid={testId}>
      <SettingsNav />
      <header className="page-header">
        <h1 id={titleId}>{title}</h1>
      </header>
      <p className="muted settings-intro">{intro}</p>
      {allowed ? (
        children
      ) : (
        <p className="notice notice-info" data-testid={testId.replace(/-page$/, '-forbidden')}>
          {forbidden}
        </p>
      )}
    </section>
  );
}
