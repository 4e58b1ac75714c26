import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Account } from '@shared/domain/accounts/account';
import type { Contact } from '@shared/domain/contacts/contact';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useI18n } from '../../../i18n/use-i18n';
import { ActivitiesPanel } from '../../../records/activities/ActivitiesPanel';
import { AppLink } from '../../../ui/AppLink';
import { recordPath } from '../../../records/record-paths';
import { useUserName } from '../../../api/use-users';
import { AttachmentsPanel } from '../../../records/attachments/AttachmentsPanel';
import { NoteForm } from '../../../records/notes/NoteForm';
import { recordKeys } from '../../../records/records-http';
import { useRecordsMessages } from '../../../records/records-messages';
import { RecordTimeline } from '../../../records/timeline/RecordTimeline';
import { useDeal, usePipelines, useStageName } from '../deal-api';
import { contactName } from '../../../records/page/named-records';
import { useDealsMessages } from '../deals-messages';
import { AccountLink } from '../../../records/page/RecordLinks';
import { DealDetails } from './DealDetails';
import { DealLinesTable } from './DealLinesTable';
import { StageBar } from './StageBar';
import { BackLink, RecordLoadState } from '../../../records/page/RecordLoadState';
import '../../../styles/records.css';
import '../../../styles/deals-products.css';

/**
 * A deal's page: its title, amount and customer; the pipeline's stages with moves under the stage
 * rules; details, order lines, custom fields; activities and files; notes and the history.
 */
export function DealPage({ dealId }: { dealId: string }) {
  const { format } = useI18n();
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  const userName = useUserName();
  const queryClient = useQueryClient();
  const { data: deal, isPending, error, refetch } = useDeal(dealId);
  const { data: pipelines } = usePipelines();
  const stageName = useStageName();
  useDocumentTitle(deal ? deal.title : dm.title);

  // History values in words: stage ids as names, lost reasons, the account and contacts by name when known.
  const describeValue = useCallback(
    (field: string, value: unknown): string | undefined => {
      if (field === 'stage' && typeof value === 'string') return stageName(deal?.pipelineId, value);
      if (field === 'lostReason' && typeof value === 'string' && value in dm.lostReasons) return dm.lostReasons[value as keyof typeof dm.lostReasons];
      if (field === 'accountId' && typeof value === 'string') return queryClient.getQueryData<Account>(recordKeys.detail('accounts', value))?.name;
      if (field === 'contactIds' && Array.isArray(value)) {
        const names = value.map((id) => {
          const contact = typeof id === 'string' ? queryClient.getQueryData<Contact>(recordKeys.detail('contacts', id)) : undefined;
          return contact ? contactName(contact) : String(id);
        });
        return names.join(', ');
      }
      return undefined;
    },
    [stageName, deal?.pipelineId, dm, queryClient],
  );

  const back = <BackLink href="/deals" label={dm.backToList} />;

  if (isPending || !deal) return <RecordLoadState pending={isPending} error={error} retry={() => void refetch()} loading={dm.loading} notFound={dm.notFound} back={back} />;

  const pipeline = pipelines?.find((p) => p.id === deal.pipelineId);
  return (
    <article className="page page-wide deal-page" aria-labelledby="deal-title" data-testid="deal-page">
      {back}
      <header className="lead-header">
        <div className="lead-heading">
          <h1 id="deal-title" data-testid="deal-title">
            {deal.title}
          </h1>
          <div className="lead-meta">
            {deal.amount ? <strong className="deal-header-amount">{format.money(deal.amount)}</strong> : null}
            {deal.accountId ? (
              <span>
                <span className="muted">{dm.fields.account}:</span> <AccountLink id={deal.accountId} />
              </span>
            ) : null}
            <span className="lead-owner">
              <span className="muted">{m.common.owner}:</span> <strong data-testid="deal-owner">{userName(deal.ownerId)}</strong>
            </span>
          </div>
        </div>
        <div className="lead-actions">
          <AppLink href={`${recordPath('deal', deal.id)}/edit`} className="button button-primary" testId="record-edit">
            {dm.edit}
          </AppLink>
        </div>
      </header>

      <StageBar deal={deal} pipeline={pipeline} />

      <div className="lead-layout deal-layout">
        <div className="deal-main">
          <DealDetails deal={deal} pipeline={pipeline} several={(pipelines?.length ?? 0) > 1} />
          <DealLinesTable deal={deal} />
          <ActivitiesPanel regarding={{ type: 'deal', id: deal.id }} />
          <AttachmentsPanel resource="deals" id={deal.id} />
        </div>
        <div className="deal-side">
          <NoteForm resource="deals" id={deal.id} />
          <RecordTimeline resource="deals" id={deal.id} describeValue={describeValue} />
        </div>
      </div>
    </article>
  );
}
