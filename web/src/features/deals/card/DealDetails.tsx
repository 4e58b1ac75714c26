import type { Deal } from '@shared/domain/deals/deal';
import { useI18n } from '../../../i18n/use-i18n';
import { DetailSection } from '../../../ui/DetailSection';
import { useUserName } from '../../../api/use-users';
import { CustomValuesSection } from '../../../records/custom/CustomValuesSection';
import { useRecordsMessages } from '../../../records/records-messages';
import { formatDay } from '../../../records/shared/format';
import { stageOfPipeline, type StoredPipeline } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { AccountLink, ContactLinks } from '../../../records/page/RecordLinks';

/** What the deal record says, grouped: the deal, the customer (account and contacts, linked), a loss, custom fields, the record. */
export function DealDetails({ deal, pipeline, several }: { deal: Deal; pipeline: StoredPipeline | undefined; several: boolean }) {
  const { format, locale } = useI18n();
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  const userName = useUserName();
  const stage = stageOfPipeline(pipeline, deal.stage);
  const lostAt = deal.lost ? (stageOfPipeline(pipeline, deal.lost.atStage)?.name ?? deal.lost.atStage) : undefined;

  return (
    <div className="deal-details" data-testid="deal-details">
      <DetailSection
        title={dm.sections.parties}
        rows={[
          [dm.fields.account, deal.accountId ? <AccountLink id={deal.accountId} testId="deal-account" /> : <span className="muted">{dm.noAccount}</span>],
          [dm.fields.contacts, deal.contactIds?.length ? <ContactLinks ids={deal.contactIds} /> : <span className="muted">{dm.noContacts}</span>],
        ]}
      />
      <DetailSection
        title={dm.sections.deal}
        rows={[
          [dm.fields.amount, deal.amount ? <strong data-testid="deal-amount">{format.money(deal.amount)}</strong> : undefined],
          [dm.fields.expectedCloseDate, deal.expectedCloseDate ? formatDay(deal.expectedCloseDate, locale) : undefined],
          [dm.fields.pipeline, several ? (pipeline?.name ?? deal.pipelineId) : undefined],
          [dm.fields.probability, stage ? `${stage.probability}%` : undefined],
          [dm.fields.stageSince, format.dateTime(deal.stageChangedAt)],
          [dm.fields.needs, deal.needs ? <span className="pre-line">{deal.needs}</span> : undefined],
          [dm.fields.description, deal.description ? <span className="pre-line">{deal.description}</span> : undefined],
        ]}
      />
      {deal.lostReason || deal.lost ? (
        <DetailSection
          title={dm.sections.lost}
          rows={[
            [dm.fields.lostReason, deal.lostReason ? dm.lostReasons[deal.lostReason] : undefined],
            [dm.fields.lostAtStage, lostAt],
            [dm.fields.lostComment, deal.lost?.comment ? <span className="pre-line">{deal.lost.comment}</span> : undefined],
          ]}
        />
      ) : null}
      <CustomValuesSection type="deal" values={deal.custom} />
      <DetailSection
        title={dm.sections.record}
        rows={[
          [m.common.owner, userName(deal.ownerId)],
          [m.common.created, format.dateTime(deal.createdAt)],
          [m.common.createdBy, deal.createdBy ? userName(deal.createdBy) : undefined],
          [m.common.updated, deal.updatedAt !== deal.createdAt ? format.dateTime(deal.updatedAt) : undefined],
        ]}
      />
    </div>
  );
}
