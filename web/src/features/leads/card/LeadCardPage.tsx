import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { leadDisplayName } from '@shared/domain/leads/lead-changes';
import { isOpenStatus } from '@shared/domain/leads/lead-process';
import { ActivitiesPanel } from '../../../records/activities/ActivitiesPanel';
import { DuplicatesPanel } from '../../../records/duplicates/DuplicatesPanel';
import { AttachmentsPanel } from '../../../records/attachments/AttachmentsPanel';
import { RecordLoadState } from '../../../records/page/RecordLoadState';
import { RecordTimeline } from '../../../records/timeline/RecordTimeline';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useCan } from '../../../auth/use-can';
import { useI18n } from '../../../i18n/use-i18n';
import { ConversionSummary } from '../convert/ConversionSummary';
import { ConvertLeadDialog } from '../convert/ConvertLeadDialog';
import { useConvertMessages } from '../convert/convert-messages';
import { QualificationBadge, StatusBadge } from '../shared/LeadBadges';
import { useLead } from '../shared/use-lead';
import { useUserName } from '../../../api/use-users';
import { LeadDetails } from './LeadDetails';
import { useLeadTimelineWords } from './lead-timeline';
import { RejectLeadDialog } from './RejectLeadDialog';

/** A lead's card: who and what, where it came from, its status and owner, and its history. */
export function LeadCardPage({ leadId }: { leadId: string }) {
  const { t } = useI18n();
  const userName = useUserName();
  const { data: lead, isPending, error, refetch } = useLead(leadId);
  const [rejecting, setRejecting] = useState(false);
  const [converting, setConverting] = useState(false);
  const convertText = useConvertMessages();
  const can = useCan();
  const timelineWords = useLeadTimelineWords();
  useDocumentTitle(lead ? leadDisplayName(lead) : t.leads.title);

  const back = (
    <Link to="/leads" className="back-link">
      <span aria-hidden="true">←</span> {t.lead.backToList}
    </Link>
  );

  if (isPending || !lead) return <RecordLoadState pending={isPending} error={error} retry={() => void refetch()} loading={t.lead.loading} notFound={t.lead.notFound} back={back} />;

  const open = isOpenStatus(lead.status);
  const subtitle = [lead.jobTitle, lead.company].filter(Boolean).join(', ');
  const mayConvert = can('deals', 'create');
  return (
    <article className="page lead-card" aria-labelledby="lead-title">
      {back}
      <header className="lead-header">
        <div className="lead-heading">
          <h1 id="lead-title" data-testid="lead-title">
            {leadDisplayName(lead)}
          </h1>
          {subtitle && subtitle !== leadDisplayName(lead) ? <p className="lead-subtitle">{subtitle}</p> : null}
          <div className="lead-meta">
            <StatusBadge status={lead.status} />
            {lead.qualification ? <QualificationBadge qualification={lead.qualification} /> : null}
            <span className="lead-owner">
              <span className="muted">{t.lead.owner}:</span> <strong data-testid="lead-owner">{userName(lead.ownerId)}</strong>
            </span>
          </div>
        </div>
        <div className="lead-actions">
          {open ? (
            <>
              {/* Converting makes a deal: only roles that create deals are offered it (a marketer hands the lead to sales). */}
              {mayConvert ? (
                <button type="button" className="button button-primary" onClick={() => setConverting(true)} data-testid="convert-lead">
                  {convertText.open}
                </button>
              ) : null}
              <Link to="/leads/$leadId/edit" params={{ leadId: lead.id }} className="button" data-testid="lead-edit">
                {t.lead.edit}
              </Link>
              <button type="button" className="button button-danger" onClick={() => setRejecting(true)} data-testid="lead-reject">
                {t.lead.reject}
              </button>
            </>
          ) : (
            <p className="muted">{t.lead.closedHint}</p>
          )}
        </div>
      </header>

      {lead.conversion ? <ConversionSummary lead={lead} /> : null}

      {open ? <DuplicatesPanel type="lead" id={lead.id} /> : null}

      <div className="lead-layout">
        <div className="lead-main">
          <LeadDetails lead={lead} />
          <ActivitiesPanel regarding={{ type: 'lead', id: lead.id }} />
          <AttachmentsPanel resource="leads" id={lead.id} />
        </div>
        <RecordTimeline resource="leads" id={lead.id} sticky {...timelineWords} />
      </div>

      {open ? <RejectLeadDialog lead={lead} open={rejecting} onClose={() => setRejecting(false)} /> : null}
      {open ? <ConvertLeadDialog lead={lead} open={converting} onClose={() => setConverting(false)} /> : null}
    </article>
  );
}
