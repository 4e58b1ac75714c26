import { useState } from 'react';
import type { ApiKeySummary, TimelineActor } from '@shared/api/contracts';
import { refusalOf } from '../../../api/api-error';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { OutcomeNotice, type Outcome } from '../../../ui/OutcomeNotice';
import { apiErrorMessage } from '../../../api/api-error-message';
import { LoadFailed } from '../../../ui/LoadFailed';
import { useUserName } from '../../../api/use-users';
import { ConfirmDialog } from '../ConfirmDialog';
import { SettingsPage } from '../SettingsPage';
import { useRoleName } from '../users/use-role-names';
import { isRevoked, sortKeys } from './api-keys';
import { useApiKeysMessages } from './api-keys-messages';
import { CreateApiKeyDialog } from './CreateApiKeyDialog';
import { useApiKeys, useRevokeApiKey } from './use-api-keys';
import './api-keys.css';

/**
 * Integration API keys (admins): each with its name, role, the key's first characters, who created
 * it and when, and whether it is revoked; a new key's secret is shown once; revoking is asked
 * first. Others are told the page is not theirs.
 */
export function ApiKeysPage() {
  const m = useApiKeysMessages();
  const can = useCan();
  return (
    <SettingsPage title={m.title} intro={m.intro} testId="api-keys-page" allowed={can('api-keys', 'read')} forbidden={m.forbidden}>
      <ApiKeyList canManage={can('api-keys', 'manage')} />
    </SettingsPage>
  );
}

function ApiKeyList({ canManage }: { canManage: boolean }) {
  const m = useApiKeysMessages();
  const { t, format } = useI18n();
  const roleName = useRoleName();
  const userName = useUserName();
  const keys = useApiKeys();
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary>();
  const [outcome, setOutcome] = useState<Outcome>();
  const who = (actor: TimelineActor) => actor.name || userName(actor.id);

  function confirmRevoke() {
    if (!revoking) return;
    const key = revoking;
    setRevoking(undefined);
    setOutcome(undefined);
    revoke.mutate(key.id, {
      onSuccess: () => setOutcome({ kind: 'done', text: m.revokedDone(key.name) }),
      onError: (error) => {
        const kind = refusalOf(error);
        setOutcome({ kind: 'failed', text: kind === 'other' ? apiErrorMessage(error, t) : m.failures[kind] });
      },
    });
  }

  const shown = sortKeys(keys.data ?? []);
  return (
    <>
      <div className="settings-toolbar">
        <p className="muted">{keys.data ? m.count(shown.length) : null}</p>
        {canManage ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)} data-testid="api-key-add">
            + {m.add}
          </button>
        ) : null}
      </div>

      <OutcomeNotice outcome={outcome} testId="api-keys-status" />

      {keys.isPending ? (
        <LoadingState text={m.loading} />
      ) : keys.isError ? (
        <LoadFailed error={keys.error} retry={() => void keys.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={m.empty} />
      ) : (
        <div className="table-wrap" aria-busy={keys.isFetching || revoke.isPending}>
          <table className="table">
            <caption className="visually-hidden">{m.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.name}</th>
                <th scope="col">{m.columns.role}</th>
                <th scope="col">{m.columns.prefix}</th>
                <th scope="col">{m.columns.created}</th>
                <th scope="col">{m.columns.status}</th>
                {canManage ? <th scope="col">{m.columns.actions}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((key) => (
                <tr key={key.id} className={isRevoked(key) ? 'api-keys-revoked' : undefined} data-testid="api-key-row" data-key-id={key.id}>
                  <td>
                    <strong className="break">{key.name}</strong>
                  </td>
                  <td>{roleName(key.role)}</td>
                  <td>
                    <code className="settings-code">{key.prefix}…</code>
                  </td>
                  <td>{m.createdBy(who(key.createdBy), format.dateTime(key.createdAt))}</td>
                  <td data-testid="api-key-status">
                    {key.revokedAt ? (
                      <>
                        <span className="badge">{m.revoked}</span>
                        <span className="cell-sub">{m.revokedBy(key.revokedBy ? who(key.revokedBy) : '—', format.dateTime(key.revokedAt))}</span>
                      </>
                    ) : (
                      <span className="badge api-keys-active">{m.active}</span>
                    )}
                  </td>
                  {canManage ? (
                    <td>
                      {isRevoked(key) ? null : (
                        <button
                          type="button"
                          className="button button-small button-danger"
                          onClick={() => setRevoking(key)}
                          disabled={revoke.isPending && revoke.variables === key.id}
                          aria-label={m.revokeOf(key.name)}
                          data-testid="api-key-revoke"
                        >
                          {m.revoke}
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {creating ? <CreateApiKeyDialog onClose={() => setCreating(false)} onCreated={() => setOutcome(undefined)} /> : null}
      <ConfirmDialog
        open={Boolean(revoking)}
        title={m.revokeTitle}
        text={revoking ? m.revokeText(revoking.name) : ''}
        confirm={m.revokeConfirm}
        cancel={m.cancel}
        onConfirm={confirmRevoke}
        onCancel={() => setRevoking(undefined)}
        testId="api-key-revoke-confirm"
      />
    </>
  );
}
