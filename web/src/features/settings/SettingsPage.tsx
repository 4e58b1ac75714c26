import { useId, type ReactNode } from 'react';
import { useDocumentTitle } from '../../app/use-document-title';
import { SettingsNav } from './SettingsNav';
import '../../styles/settings.css';

/**
 * A settings page's frame: the sections' nav, its title and intro, then its content — or, for
 * those the page is not for, a plain notice (`<name>-forbidden` for `<name>-page`) instead of a 403.
 */
interface SettingsPageProps {
  title: string;
  intro: string;
  testId: `${string}-page`;
  allowed: boolean;
  forbidden: ReactNode;
  className?: string;
  children: ReactNode;
}

export function SettingsPage({ title, intro, testId, allowed, forbidden, className, children }: SettingsPageProps) {
  const titleId = useId();
  useDocumentTitle(title);
  return (
    <section className={className ? `page page-wide settings-page ${className}` : 'page page-wide settings-page'} aria-labelledby={titleId} data-testid={testId}>
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
