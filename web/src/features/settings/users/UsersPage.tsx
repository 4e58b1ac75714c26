import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { isApiError } from '../../../api/api-error';
import { useAuthState } from '../../../auth/use-auth';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { OutcomeNotice, type Outcome } from '../../../ui/OutcomeNotice';
import { apiErrorMessage } from '../../../api/api-error-message';
import { LoadFailed } from '../../../ui/LoadFailed';
import { userLabel, useUsers } from '../../../api/use-users';
import { ConfirmDialog } from '../ConfirmDialog';
import { SettingsPage } from '../SettingsPage';
import { useTeamSet } from '../teams/use-teams';
import { InviteUserDialog } from './InviteUserDialog';
import { RolesDialog } from './RolesDialog';
import { teamsOfUser } from './user-admin';
import { filterUsers, toggleFailure, userStatusFilters, type UsersSearch } from './user-directory';
import { UserRow, type UserAction } from './UserRow';
import { UserTeamsDialog } from './UserTeamsDialog';
import { useRoleName } from './use-role-names';
import { useResendInvitation } from './use-user-admin';
import { useSetUserStatus } from './use-user-status';
import { useUsersMessages } from './users-messages';
import './users.css';

/**
 * The users (ACC-1): who they are, their roles and teams, when they last signed in (those within
 * the hour marked), who is invited or disabled; admins invite users (ACC-5), send an invitation
 * again, change roles and team memberships, disable and enable them (asked first, never
 * themselves). The filters live in the URL.
 */
export function UsersPage({ search }: { search: UsersSearch }) {
  const m = useUsersMessages();
  const can = useCan();
  return (
    <SettingsPage title={m.title} intro={m.intro} testId="users-page" className="users-page" allowed={can('users', 'read')} forbidden={m.forbidden}>
      <UsersDirectory search={search} canManage={can('users', 'manage')} showTeams={can('teams', 'read')} />
    </SettingsPage>
  );
}

/** The clock "last sign-in" is measured against, moved on every minute. */
function useNow(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

interface Pending {
  user: UserSummary;
  disable: boolean;
}

/** The dialog open over the list: the invitation, or a user's roles or teams. */
type Editing = { kind: 'invite' } | { kind: 'roles' | 'teams'; user: UserSummary };

function UsersDirectory({ search, canManage, showTeams }: { search: UsersSearch; canManage: boolean; showTeams: boolean }) {
  const m = useUsersMessages();
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const users = useUsers();
  const teams = useTeamSet(showTeams);
  const setStatus = useSetUserStatus();
  const resend = useResendInvitation();
  const myId = useAuthState().user?.id;
  const now = useNow();
  const [pending, setPending] = useState<Pending>();
  const [editing, setEditing] = useState<Editing>();
  const [outcome, setOutcome] = useState<Outcome>();
  const statusFilterId = useId();

  const roleLabel = useRoleName();
  const done = (text: string) => {
    setEditing(undefined);
    setOutcome({ kind: 'done', text });
  };
  const failed = (error: unknown) => {
    const failure = toggleFailure(error);
    setOutcome({ kind: 'failed', text: failure === 'other' ? apiErrorMessage(error, t) : m.failures[failure] });
  };

  function act(user: UserSummary, action: UserAction) {
    if (action === 'disable' || action === 'enable') return setPending({ user, disable: action === 'disable' });
    if (action === 'roles' || action === 'teams') return setEditing({ kind: action, user });
    setOutcome(undefined);
    resend.mutate(user.id, {
      onSuccess: () => setOutcome({ kind: 'done', text: m.resent(user.email) }),
      onError: (error) => (isApiError(error) && error.status === 409 ? setOutcome({ kind: 'failed', text: m.alreadySignedIn(userLabel(user)) }) : failed(error)),
    });
  }
  const go = (changes: UsersSearch) => {
    const next = { ...search, ...changes };
    // The users route is registered by settings; typed routes are not known here.
    void navigate({ to: '/settings/users' as never, search: Object.fromEntries(Object.entries(next).filter(([, v]) => v)) as never, replace: true });
  };

  function confirm() {
    if (!pending) return;
    const { user, disable } = pending;
    const name = userLabel(user);
    setPending(undefined);
    setOutcome(undefined);
    setStatus.mutate(
      { userId: user.id, disable },
      {
        onSuccess: () => setOutcome({ kind: 'done', text: disable ? m.disabled(name) : m.enabled(name) }),
        onError: failed,
      },
    );
  }

  const all = [...(users.data ?? [])].sort((a, b) => userLabel(a).localeCompare(userLabel(b), locale));
  const shown = filterUsers(all, search, roleLabel);

  const busyId = setStatus.isPending ? setStatus.variables.userId : resend.isPending ? resend.variables : undefined;
  const teamColumn = showTeams && teams.data ? teams.data : undefined;

  return (
    <>
      {canManage ? (
        <div className="users-toolbar">
          <button type="button" className="button button-primary" onClick={() => setEditing({ kind: 'invite' })} data-testid="user-invite-open">
            + {m.invite.open}
          </button>
        </div>
      ) : null}
      <form className="filters" role="search" aria-label={m.filters.label} onSubmit={(event) => event.preventDefault()}>
        <label className="filter">
          <span className="filter-label">{m.filters.text}</span>
          <input type="search" value={search.q ?? ''} placeholder={m.filters.textPlaceholder} onChange={(event) => go({ q: event.target.value })} data-testid="user-filter" />
        </label>
        <label className="filter" htmlFor={statusFilterId}>
          <span className="filter-label">{m.filters.status}</span>
          <select
            id={statusFilterId}
            value={search.status ?? ''}
            onChange={(event) => go({ status: userStatusFilters.find((status) => status === event.target.value) })}
            data-testid="user-status-filter"
          >
            <option value="">{m.filters.statuses.all}</option>
            {userStatusFilters.map((status) => (
              <option key={status} value={status}>
                {m.filters.statuses[status]}
              </option>
            ))}
          </select>
        </label>
      </form>

      <OutcomeNotice outcome={outcome} testId="users-status" />

      {users.isPending ? (
        <LoadingState text={m.loading} />
      ) : users.isError ? (
        <LoadFailed error={users.error} retry={() => void users.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState title={m.empty} />
      ) : shown.length === 0 ? (
        <EmptyState title={m.nothingFound} />
      ) : (
        <>
          <p className="muted">{m.count(shown.length, all.length)}</p>
          <div className="table-wrap" aria-busy={users.isFetching || setStatus.isPending || resend.isPending}>
            <table className="table users-table">
              <caption className="visually-hidden">{m.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.columns.user}</th>
                  <th scope="col">{m.columns.roles}</th>
                  {teamColumn ? <th scope="col">{m.columns.teams}</th> : null}
                  <th scope="col">{m.columns.lastSignIn}</th>
                  <th scope="col">{m.columns.status}</th>
                  {canManage ? <th scope="col">{m.columns.actions}</th> : null}
                </tr>
              </thead>
              <tbody>
                {shown.map((user) => (
                  <UserRow
                    key={user.id}
                    user={user}
                    now={now}
                    isMe={user.id === myId}
                    canManage={canManage}
                    busy={busyId === user.id}
                    roleLabel={roleLabel}
                    teams={teamColumn ? teamsOfUser(user.id, teamColumn) : undefined}
                    onAction={(action) => act(user, action)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <ConfirmDialog
        open={Boolean(pending)}
        title={pending?.disable === false ? m.enableTitle : m.disableTitle}
        text={pending ? (pending.disable ? m.disableText : m.enableText)(userLabel(pending.user)) : ''}
        confirm={pending?.disable === false ? m.enable : m.disable}
        cancel={m.cancel}
        danger={pending?.disable !== false}
        onConfirm={confirm}
        onCancel={() => setPending(undefined)}
        testId="user-confirm"
      />
      {editing?.kind === 'invite' ? (
        <InviteUserDialog onClose={() => setEditing(undefined)} onInvited={(_user, email) => done(m.invite.sent(email))} />
      ) : editing?.kind === 'roles' ? (
        <RolesDialog user={editing.user} isMe={editing.user.id === myId} onClose={() => setEditing(undefined)} onSaved={() => done(m.roles.saved(userLabel(editing.user)))} />
      ) : editing?.kind === 'teams' ? (
        <UserTeamsDialog user={editing.user} onClose={() => setEditing(undefined)} onSaved={() => done(m.teams.saved(userLabel(editing.user)))} />
      ) : null}
    </>
  );
}
