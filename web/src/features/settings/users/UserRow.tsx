import type { UserSummary } from '@shared/api/contracts';
import { useI18n } from '../../../i18n/use-i18n';
import type { UserTeam } from './user-admin';
import { isActiveRecently, isDisabled, isInvited, statusText, timeAgo } from './user-directory';
import { useUsersMessages } from './users-messages';

/** What an admin can do on a row. */
export type UserAction = 'disable' | 'enable' | 'resend' | 'roles' | 'teams';

interface UserRowProps {
  user: UserSummary;
  now: number;
  isMe: boolean;
  canManage: boolean;
  busy: boolean;
  roleLabel: (role: string) => string;
  /** The user's teams, when the teams column is shown. */
  teams: UserTeam[] | undefined;
  onAction: (action: UserAction) => void;
}

const localeTags = { ru: 'ru-RU', en: 'en-GB' } as const;

/**
 * One user: name and email, roles in words, their teams (for those who may read teams), last
 * sign-in (relative, exact on hover and below), status (invited: since when), and for admins the
 * actions: roles, teams (staff only), the invitation sent again (while only invited), disable or
 * enable (not on their own row).
 */
export function UserRow({ user, now, isMe, canManage, busy, roleLabel, teams, onAction }: UserRowProps) {
  const m = useUsersMessages();
  const { locale, format } = useI18n();
  const disabled = isDisabled(user);
  const name = user.name || user.email;
  const staff = user.roles.length === 0 || user.roles.some((role) => role !== 'portal-user');
  const action = (kind: UserAction, text: string, label: string, danger = false) => (
    <button type="button" className={danger ? 'button button-small button-danger' : 'button button-small'} onClick={() => onAction(kind)} disabled={busy} aria-label={label} data-testid={`user-${kind}`}>
      {text}
    </button>
  );
  return (
    <tr data-testid="user-row" data-user-id={user.id} className={disabled ? 'users-row-disabled' : undefined}>
      <td>
        <strong>{user.name || m.noName}</strong>
        {isMe ? <span className="muted"> ({m.you})</span> : null}
        <br />
        <span className="muted break">{user.email}</span>
      </td>
      <td>{user.roles.length ? user.roles.map(roleLabel).join(', ') : <span className="muted">{m.noRoles}</span>}</td>
      {teams ? (
        <td data-testid="user-teams">
          {teams.length ? (
            <ul className="users-teams">
              {teams.map((team) => (
                <li key={team.id} className="break">
                  {team.name}
                  {team.asManager ? <span className="muted"> ({m.asManager})</span> : null}
                </li>
              ))}
            </ul>
          ) : (
            <span className="muted">{m.noTeam}</span>
          )}
        </td>
      ) : null}
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
      <td data-testid="user-status">
        <span>{statusText(user, m, format.dateTime)}</span>
        {isInvited(user) && user.invitedAt ? <span className="cell-sub">{m.invitedOn(format.dateTime(user.invitedAt))}</span> : null}
      </td>
      {canManage ? (
        <td>
          <div className="users-actions">
            {action('roles', m.roles.edit, m.roles.editOf(name))}
            {teams && staff ? action('teams', m.teams.edit, m.teams.editOf(name)) : null}
            {isInvited(user) ? action('resend', m.resend, m.resendOf(name)) : null}
            {isMe ? null : disabled ? action('enable', m.enable, m.enableOf(name)) : action('disable', m.disable, m.disableOf(name), true)}
          </div>
        </td>
      ) : null}
    </tr>
  );
}
