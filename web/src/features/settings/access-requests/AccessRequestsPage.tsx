import { useNavigate } from '@tanstack/react-router';
import { useId, useState } from 'react';
import type { AccessRequest } from '@shared/api/contracts';
import { refusalOf } from '../../../api/api-error';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { OutcomeNotice, type Outcome } from '../../../ui/OutcomeNotice';
import { AppLink } from '../../../ui/AppLink';
import { apiErrorMessage } from '../../../api/api-error-message';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useUserName } from '../../../api/use-users';
import { SettingsPage } from '../SettingsPage';
import { useRoleName } from '../users/use-role-names';
import { sortRequests } from './access-requests';
import { accessStatuses, type AccessRequestsSearch } from './access-requests-search';
import { useAccessRequestsMessages } from './access-requests-messages';
import { DecideDialog } from './DecideDialog';
import { RequestDecision } from './RequestDecision';
import { useAccessRequests, useDecideAccessRequest } from './use-access-requests';

/**
 * Access requests for admins (ACC-5): who asks for which roles and why, open ones first; granted
 * or declined with an optional comment (mailed with the decision); decided ones say who decided
 * and when. The status filter lives in the URL. Others are told the page is not theirs and where
 * to ask for access themselves.
 */
export function AccessRequestsPage({ search }: { search: AccessRequestsSearch }) {
  const m = useAccessRequestsMessages();
  const can = useCan();
  return (
    <SettingsPage
      title={m.title}
      intro={m.intro}
      testId="access-requests-page"
      allowed={can('access-requests', 'manage')}
      forbidden={
        <>
          {m.forbidden} {can('access-requests', 'create') ? <AppLink href="/request-access">{m.askOwn}</AppLink> : null}
        </>
      }
    >
      <RequestsTable search={search} />
    </SettingsPage>
  );
}

interface Deciding {
  request: AccessRequest;
  grant: boolean;
}

function RequestsTable({ search }: { search: AccessRequestsSearch }) {
  const m = useAccessRequestsMessages();
  const { t, format } = useI18n();
  const navigate = useNavigate();
  const roleName = useRoleName();
  const userName = useUserName();
  const requests = useAccessRequests(search.status);
  const decide = useDecideAccessRequest();
  const [deciding, setDeciding] = useState<Deciding>();
  const [failure, setFailure] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const statusId = useId();

  const nameOf = (request: AccessRequest) => request.requester.name || request.requester.email || userName(request.requester.id);
  const rolesOf = (request: AccessRequest) => request.roles.map(roleName).join(', ');
  // The route is registered by settings; typed routes are not known here.
  const filter = (status: string) =>
    void navigate({ to: '/settings/access-requests' as never, search: (accessStatuses.find((s) => s === status) ? { status } : {}) as never, replace: true });

  function send(note: string) {
    if (!deciding) return;
    const { request, grant } = deciding;
    setFailure(undefined);
    setOutcome(undefined);
    decide.mutate(
      { requestId: request.id, grant, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          setDeciding(undefined);
          setOutcome({ kind: 'done', text: (grant ? m.granted : m.declinedDone)(nameOf(request)) });
        },
        onError: (error) => {
          const kind = refusalOf(error);
          if (kind === 'other') return setFailure(apiErrorMessage(error, t));
          setDeciding(undefined);
          setOutcome({ kind: 'failed', text: m.failures[kind] });
        },
      },
    );
  }

  const shown = sortRequests(requests.data ?? []);
  return (
    <>
      <form className="filters" role="search" aria-label={m.filters.label} onSubmit={(event) => event.preventDefault()}>
        <label className="filter" htmlFor={statusId}>
          <span className="filter-label">{m.filters.status}</span>
          <select id={statusId} value={search.status ?? ''} onChange={(event) => filter(event.target.value)} data-testid="access-request-status-filter">
            <option value="">{m.filters.all}</option>
            {accessStatuses.map((status) => (
              <option key={status} value={status}>
                {m.statusFilters[status]}
              </option>
            ))}
          </select>
        </label>
      </form>

      <OutcomeNotice outcome={outcome} testId="access-requests-status" />

      {requests.isPending ? (
        <LoadingState text={m.loading} />
      ) : requests.isError ? (
        <LoadFailed error={requests.error} retry={() => void requests.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={m.empty} />
      ) : (
        <>
          <p className="muted">{m.count(shown.length)}</p>
          <div className="table-wrap" aria-busy={requests.isFetching || decide.isPending}>
            <table className="table">
              <caption className="visually-hidden">{m.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.columns.requester}</th>
                  <th scope="col">{m.columns.roles}</th>
                  <th scope="col">{m.columns.reason}</th>
                  <th scope="col">{m.columns.created}</th>
                  <th scope="col">{m.columns.status}</th>
                  <th scope="col">{m.columns.actions}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((request) => {
                  const name = nameOf(request);
                  const open = request.status === 'open';
                  return (
                    <tr key={request.id} className={open ? 'ar-row-open' : undefined} data-testid="access-request-row" data-request-id={request.id}>
                      <td>
                        <strong className="break">{name}</strong>
                        {request.requester.email && request.requester.email !== name ? <span className="cell-sub break">{request.requester.email}</span> : null}
                      </td>
                      <td>{rolesOf(request)}</td>
                      <td className="ar-reason break">{request.reason}</td>
                      <td>
                        <time dateTime={request.createdAt}>{format.dateTime(request.createdAt)}</time>
                      </td>
                      <td>
                        <RequestDecision request={request} />
                      </td>
                      <td>
                        {open ? (
                          <div className="ar-actions">
                            <button type="button" className="button button-small button-primary" onClick={() => setDeciding({ request, grant: true })} aria-label={m.grantOf(name)} data-testid="access-request-grant">
                              {m.grant}
                            </button>
                            <button type="button" className="button button-small button-danger" onClick={() => setDeciding({ request, grant: false })} aria-label={m.declineOf(name)} data-testid="access-request-decline">
                              {m.decline}
                            </button>
                          </div>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {deciding ? (
        <DecideDialog
          request={deciding.request}
          grant={deciding.grant}
          name={nameOf(deciding.request)}
          roles={rolesOf(deciding.request)}
          busy={decide.isPending}
          failure={failure}
          onDecide={send}
          onClose={() => {
            setDeciding(undefined);
            setFailure(undefined);
          }}
        />
      ) : null}
    </>
  );
}
