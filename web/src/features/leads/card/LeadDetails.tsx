import type { Lead } from '@shared/domain/leads/lead';
import { useI18n } from '../../../i18n/use-i18n';
import { CustomValuesSection } from '../../../records/custom/CustomValuesSection';
import { useUserName } from '../../../api/use-users';
import { DetailSection } from '../../../ui/DetailSection';

/** Everything the lead record says, grouped as the card shows it. */
export function LeadDetails({ lead }: { lead: Lead }) {
  const { t, format } = useI18n();
  const userName = useUserName();
  const { source, consent, rejection } = lead;
  const link = (url: string | undefined) =>
    url ? (
      <a href={url} target="_blank" rel="noopener noreferrer nofollow" className="break">
        {url}
      </a>
    ) : undefined;

  return (
    <div className="lead-details" data-testid="lead-details">
      <DetailSection
        title={t.lead.sections.person}
        rows={[
          [t.fields.lastName, lead.lastName],
          [t.fields.firstName, lead.firstName],
          [t.fields.middleName, lead.middleName],
          [t.fields.jobTitle, lead.jobTitle],
        ]}
      />
      <DetailSection title={t.lead.sections.company} rows={[[t.fields.company, lead.company]]} />
      <DetailSection
        title={t.lead.sections.contact}
        rows={[
          [t.fields.email, lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : undefined],
          [t.fields.phone, lead.phone ? <a href={`tel:${lead.phone}`}>{lead.phoneTyped ?? lead.phone}</a> : undefined],
        ]}
      />
      <DetailSection
        title={t.lead.sections.interest}
        rows={[
          [t.fields.topic, lead.topic],
          [t.fields.message, lead.message ? <span className="pre-line">{lead.message}</span> : undefined],
          [t.fields.budget, lead.budget ? format.money(lead.budget) : undefined],
        ]}
      />
      <CustomValuesSection type="lead" values={lead.custom} />
      <DetailSection
        title={t.lead.sections.source}
        rows={[
          [t.lead.channel, t.channels[source.channel]],
          [t.lead.campaign, source.campaign],
          [t.lead.utm.source, source.utm?.source],
          [t.lead.utm.medium, source.utm?.medium],
          [t.lead.utm.campaign, source.utm?.campaign],
          [t.lead.utm.term, source.utm?.term],
          [t.lead.utm.content, source.utm?.content],
          [t.lead.referrer, link(source.referrer)],
          [t.lead.pageUrl, link(source.pageUrl)],
          [t.lead.formId, source.formId],
        ]}
      />
      <DetailSection
        title={t.lead.sections.consent}
        fallback={t.lead.noConsent}
        rows={
          consent
            ? [
                [t.lead.consentGiven, consent.given ? t.lead.consentYes : t.lead.consentNo],
                [t.lead.consentAt, format.dateTime(consent.at)],
                [t.lead.consentText, consent.text],
              ]
            : []
        }
      />
      {rejection ? (
        <DetailSection
          title={t.lead.sections.rejection}
          rows={[
            [t.lead.rejectionStage, t.statuses[rejection.stage]],
            [t.lead.rejectionReason, t.rejectionReasons[rejection.reason]],
            [t.lead.rejectionComment, rejection.comment ? <span className="pre-line">{rejection.comment}</span> : undefined],
            [t.lead.rejectedAt, format.dateTime(rejection.at)],
            [t.lead.rejectedBy, userName(rejection.by)],
          ]}
        />
      ) : null}
      <DetailSection
        title={t.lead.sections.record}
        rows={[
          [t.lead.createdAt, format.dateTime(lead.createdAt)],
          [t.lead.createdBy, source.formId === lead.createdBy ? t.timeline.form(lead.createdBy) : userName(lead.createdBy)],
          [t.lead.updatedAt, lead.updatedAt !== lead.createdAt ? format.dateTime(lead.updatedAt) : undefined],
          [t.lead.submissions, lead.submissionCount > 0 ? format.number(lead.submissionCount) : undefined],
        ]}
      />
    </div>
  );
}
