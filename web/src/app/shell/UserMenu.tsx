import { Link } from '@tanstack/react-router';
import { useEffect, useId, useRef, useState } from 'react';
import { useAuthSession, useAuthState } from '../../auth/use-auth';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';

/**
 * The signed-in user's name opening a small panel (a disclosure) with, for staff, "Request access"
 * (ACC-5), and sign-out; Escape and outside clicks close it.
 */
export function UserMenu() {
  const { t } = useI18n();
  const auth = useAuthSession();
  const { user } = useAuthState();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    popupRef.current?.querySelector<HTMLElement>('.user-menu-item')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  if (!user) return null;
  const label = user.name ?? user.email ?? user.id;
  // Staff may ask for more roles; a portal user may not.
  const mayAsk = can('access-requests', 'create');
  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        data-testid="user-menu"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(label)}
        </span>
        <span className="user-menu-name">{label}</span>
        <span className="visually-hidden">{t.userMenu.open}</span>
      </button>
      {open ? (
        <div ref={popupRef} className="user-menu-popup" id={menuId} aria-label={t.userMenu.open}>
          <p className="user-menu-who">
            {t.userMenu.signedInAs}
            <br />
            <strong>{user.email ?? label}</strong>
          </p>
          {mayAsk ? (
            <Link to="/request-access" className="user-menu-item" data-testid="request-access" onClick={() => setOpen(false)}>
              {t.userMenu.requestAccess}
            </Link>
          ) : null}
          <button type="button" className="user-menu-item" data-testid="sign-out" onClick={() => auth.signOut()}>
            {t.userMenu.signOut}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function initials(label: string): string {
  const words = label.split(/[\s@._-]+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words[1]?.[0] ?? '')).toUpperCase() || '?';
}
