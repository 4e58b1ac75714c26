import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';

/**
 * A link inside the app by its plain path (`/contacts/01H…`), navigated by the router without a
 * page load. For routes a page cannot name by type (another feature's pages, routes registered
 * after it); a modified click (new tab, new window) stays the browser's.
 */
interface AppLinkProps {
  href: string;
  className?: string;
  children: ReactNode;
  testId?: string;
  title?: string;
}

export function AppLink({ href, className, children, testId, title }: AppLinkProps) {
  const router = useRouter();
  function click(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void router.navigate({ href });
  }
  return (
    <a href={href} className={className} data-testid={testId} title={title} onClick={click}>
      {children}
    </a>
  );
}

/** Navigation by plain path, for after an action (the created import, the merged survivor). */
export function useGoTo(): (href: string, options?: { replace?: boolean }) => void {
  const router = useRouter();
  return (href, options) => void router.navigate({ href, ...(options?.replace ? { replace: true } : {}) });
}
