import { useNavigate } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import type { UserSummary } from '@shared/api/contracts';
import { isRole } from '@shared/auth/roles';
import { useDocumentTitle } from '../../app/use-document-title';
import { useAuthState } from '../../auth/use-auth';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { apiErrorMessage } from '../leads/shared/api-error-message';
import { LoadFailed } from '../leads/shared/LoadFailed';
import { userLabel, useUsers } from '../leads/shared/use-users';
import { ConfirmDialog } from '../settings/ConfirmDialog';
import { SettingsNav } from '../settings/SettingsNav';
import { useSettingsMessages } from '../settings/settings-messages';
import { filterUsers, toggleFailure, userStatusFilters, type UsersSearch } from './user-directory';
import { UserRow } from './UserRow';
import { useSetUserStatus } from './use-user-status';
import { useUsersMessages } from './users-messages';
import '../../styles/settings.css';

/**
 * The users (ACC-1): who they are, their roles, when they last signed in (those within the hour
 * marked), who is disabled; admins disable and enable them, asked first, never themselves. The
 * filters live in the URL.
 */
export function UsersPage({ search }: { search: UsersSearch }) {
  const m = useUsersMessages();
  const titleId = useId();
  const can = useCan();
  useDocumentTitle(m.title);
  return (
    <section className="page page-wide settings-page users-page" aria-labelledby={titleId} data-testid="users-page">
      <SettingsNav />
      <header className="page-header">
        <h1 id={titleId}>{m.title}</h1>
      </header>
      <p className="muted settings-intro">{m.intro}</p>
      {can('users', 'read') ? (
        <UsersDirectory search={search} canManage={can('users', 'manage')} />
      ) : (
        <p className="notice notice-info" data-testid="users-forbidden">
          {m.forbidden}
        </p>
      )}
    </section>
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

type Outcome = { kind: 'done'; text: string } | { kind: 'failed'; text: string };

function UsersDirectory({ search, canManage }: { search: UsersSearch; canManage: boolean }) {
  const m = useUsersMessages();
  const roleNames = useSettingsMessages().pipelines.roles;
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const users = useUsers();
  const setStatus = useSetUserStatus();
  const myId = useAuthState().user?.id;
  const now = useNow();
  const [pending, setPending] = useState<Pending>();
  const [outcome, setOutcome] = useState<Outcome>();
  const statusFilterId = useId();

  const roleLabel = (role: string): string => (isRole(role) ? roleNames[role] : role);
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
        onError: (error) => {
          const failure = toggleFailure(error);
          setOutcome({ kind: 'failed', text: failure === 'other' ? apiErrorMessage(error, t) : m.failures[failure] });
        },
      },
    );
  }

  const all = [...(users.data ?? [])].sort((a, b) => userLabel(a).localeCompare(userLabel(b), locale));
  const shown = filterUsers(all, search, roleLabel);

  return (
    <>
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

      {outcome?.kind === 'failed' ? <ErrorNotice>{outcome.text}</ErrorNotice> : null}
      <p className="muted" role="status" data-testid="users-status">
        {outcome?.kind === 'done' ? outcome.text : null}
      </p>

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
          <div className="table-wrap" aria-busy={users.isFetching || setStatus.isPending}>
            <table className="table users-table">
              <caption className="visually-hidden">{m.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.columns.user}</th>
                  <th scope="col">{m.columns.roles}</th>
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
                    busy={setStatus.isPending && setStatus.variables.userId === user.id}
                    roleLabel={roleLabel}
                    onToggle={(disable) => setPending({ user, disable })}
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
    </>
  );
}
