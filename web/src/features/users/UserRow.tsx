import type { UserSummary } from '@shared/api/contracts';
import { useI18n } from '../../i18n/use-i18n';
import { isActiveRecently, isDisabled, statusText, timeAgo } from './user-directory';
import { useUsersMessages } from './users-messages';

interface UserRowProps {
  user: UserSummary;
  now: number;
  isMe: boolean;
  canManage: boolean;
  busy: boolean;
  roleLabel: (role: string) => string;
  onToggle: (disable: boolean) => void;
}

const localeTags = { ru: 'ru-RU', en: 'en-GB' } as const;

/** One user: name and email, roles in words, last sign-in (relative, exact on hover and below), status, and for admins the switch (not on their own row). */
export function UserRow({ user, now, isMe, canManage, busy, roleLabel, onToggle }: UserRowProps) {
  const m = useUsersMessages();
  const { locale, format } = useI18n();
  const disabled = isDisabled(user);
  const name = user.name || user.email;
  return (
    <tr data-testid="user-row" data-user-id={user.id} className={disabled ? 'users-row-disabled' : undefined}>
      <td>
        <strong>{user.name || m.noName}</strong>
        {isMe ? <span className="muted"> ({m.you})</span> : null}
        <br />
        <span className="muted break">{user.email}</span>
      </td>
      <td>{user.roles.length ? user.roles.map(roleLabel).join(', ') : <span className="muted">{m.noRoles}</span>}</td>
      <td data-testid="user-last-sign-in">
        {user.lastSignInAt ? (
          <>
            <time dateTime={user.lastSignInAt} title={format.dateTime(user.lastSignInAt)}>
              {timeAgo(user.lastSignInAt, now, localeTags[locale])}
            </time>
            {isActiveRecently(user, now) ? (
              <>
                {' '}
                <span className="badge" data-testid="user-recent">
                  {m.recently}
                </span>
              </>
            ) : null}
            <br />
            <span className="muted">{format.dateTime(user.lastSignInAt)}</span>
          </>
        ) : (
          <span className="muted">{m.never}</span>
        )}
      </td>
      <td data-testid="user-status">{statusText(user, m, format.dateTime)}</td>
      {canManage ? (
        <td>
          {isMe ? null : disabled ? (
            <button type="button" className="button" onClick={() => onToggle(false)} disabled={busy} aria-label={m.enableOf(name)} data-testid="user-enable">
              {m.enable}
            </button>
          ) : (
            <button type="button" className="button button-danger" onClick={() => onToggle(true)} disabled={busy} aria-label={m.disableOf(name)} data-testid="user-disable">
              {m.disable}
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
