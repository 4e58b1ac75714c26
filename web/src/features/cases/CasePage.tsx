import type { Case, CaseRating } from '@shared/domain/cases/case';
import { useDocumentTitle } from '../../app/use-document-title';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';
import { SystemSection } from '../../records/parts/details';
import { ContactLinks } from '../../records/page/RecordLinks';
import { AppLink } from '../../ui/AppLink';
import { DetailSection } from '../../ui/DetailSection';
import { useUserName } from '../../api/use-users';
import { BackLink, RecordLoadState } from '../../records/page/RecordLoadState';
import { useCase } from './case-api';
import { casePath } from './case-paths';
import { CaseAccountLink, CaseBadge } from './CaseParts';
import { CaseTimeline } from './CaseTimeline';
import { CaseWriting } from './CaseWriting';
import { useCasesMessages } from './cases-messages';
import '../../styles/records.css';
import '../../styles/accounts-contacts.css';
import '../../styles/deals-products.css';
import './cases.css';

/**
 * A case's page: its subject, status and priority, the client (account, contact), where it came
 * from (the portal user who opened it), the client's rating; beside them the two ways to write on
 * it (a reply the client sees, an internal note) for those who work cases, and its timeline.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const cm = useCasesMessages();
  const can = useCan();
  const userName = useUserName();
  const { data: item, isPending, error, refetch } = useCase(caseId);
  useDocumentTitle(item ? item.subject : cm.title);

  const back = <BackLink href="/cases" label={cm.backToList} />;
  if (isPending || !item) return <RecordLoadState pending={isPending} error={error} retry={() => void refetch()} loading={cm.loading} notFound={cm.notFound} back={back} />;

  const mayWork = can('cases', 'update');
  return (
    <article className="page page-wide lead-card ac-card case-page" aria-labelledby="case-title" data-testid="case-page">
      {back}
      <header className="lead-header">
        <div className="lead-heading">
          <h1 id="case-title" data-testid="case-title">
            {item.subject}
          </h1>
          <div className="lead-meta">
            <CaseBadge facet="status" value={item.status} />
            <CaseBadge facet="priority" value={item.priority} />
            <span>
              <span className="muted">{cm.fields.accountId}:</span> <CaseAccountLink item={item} testId="case-account" />
            </span>
            <span className="lead-owner">
              <span className="muted">{cm.fields.ownerId}:</span> <strong data-testid="case-owner">{userName(item.ownerId)}</strong>
            </span>
          </div>
        </div>
        {mayWork ? (
          <div className="lead-actions">
            <AppLink href={`${casePath(item.id)}/edit`} className="button button-primary" testId="record-edit">
              {cm.edit}
            </AppLink>
          </div>
        ) : null}
      </header>
      <div className="lead-layout">
        <div className="ac-main">
          <CaseDetails item={item} />
        </div>
        <div className="ac-side">
          {mayWork ? <CaseWriting caseId={item.id} /> : null}
          <CaseTimeline caseId={item.id} />
        </div>
      </div>
    </article>
  );
}

function CaseDetails({ item }: { item: Case }) {
  const cm = useCasesMessages();
  const userName = useUserName();
  const portal = item.channel === 'portal';
  return (
    <div className="lead-details ac-details" data-testid="case-details">
      {item.description ? (
        <section className="detail-section ac-wide">
          <h2 className="detail-title">{cm.fields.description}</h2>
          <p className="pre-line">{item.description}</p>
        </section>
      ) : null}
      <DetailSection
        title={cm.sections.main}
        rows={[
          [cm.fields.kind, cm.kinds[item.kind]],
          [cm.fields.priority, cm.priorities[item.priority]],
          [cm.fields.status, cm.statuses[item.status]],
          [cm.fields.accountId, <CaseAccountLink key="account" item={item} />],
          [cm.fields.contactId, item.contactId ? <ContactLinks key="contact" ids={[item.contactId]} /> : undefined],
        ]}
      />
      <DetailSection
        title={cm.sections.origin}
        rows={[
          [cm.fields.channel, <span key="channel" data-testid="case-channel">{cm.channels[item.channel]}</span>],
          portal
            ? [cm.fields.openedBy, item.openedBy ? <strong key="opened" data-testid="case-opened-by">{userName(item.openedBy)}</strong> : undefined]
            : [cm.registeredBy, userName(item.createdBy)],
        ]}
      />
      {item.rating ? <RatingSection rating={item.rating} /> : null}
      <SystemSection record={item} />
    </div>
  );
}

/** The client's rating (SRV-5): the stars, the score in words, the feedback and when. */
function RatingSection({ rating }: { rating: CaseRating }) {
  const { format } = useI18n();
  const cm = useCasesMessages();
  return (
    <div data-testid="case-rating">
      <DetailSection
        title={cm.sections.rating}
        rows={[
          [
            cm.fields.rating,
            <span key="score">
              <span className="case-rating-stars" aria-hidden="true">
                {cm.rating.stars(rating.score)}
              </span>{' '}
              <strong>{cm.rating.score(rating.score)}</strong>
            </span>,
          ],
          [cm.rating.comment, rating.comment ? <span className="pre-line">{rating.comment}</span> : undefined],
          [cm.rating.at, format.dateTime(rating.at)],
        ]}
      />
    </div>
  );
}
