import type { ReactNode } from 'react';
import type { PortalCase } from '@shared/domain/portal/portal-case';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { DetailSection } from '../../ui/DetailSection';
import { BackLink, RecordLoadState } from '../../records/page/RecordLoadState';
import { CaseRatingPanel } from './CaseRatingPanel';
import { CaseReplyForm } from './CaseReplyForm';
import { canRate, named } from './portal-cases';
import { CaseStatusBadge } from './PortalCaseBits';
import { usePortalMessages } from './portal-messages';
import { usePortalCase } from './use-portal-cases';
import './portal.css';

/**
 * One case in the portal (ACC-3, SRV-5): what the client asked and how it stands, the
 * conversation with our side oldest first, a reply while the case is open, and once it is
 * resolved the client's rating. Another company's case, or an unknown id, is "not found".
 */
export function PortalCasePage({ caseId }: { caseId: string }) {
  const p = usePortalMessages();
  const m = p.caseView;
  const { data, isPending, error, refetch } = usePortalCase(caseId);
  useDocumentTitle(data ? data.subject : p.cases.title);
  const back = <BackLink href="/portal/cases" label={m.back} />;

  if (isPending || !data) {
    return (
      <div data-testid="portal-case-state">
        <RecordLoadState pending={isPending} error={error} retry={() => void refetch()} loading={m.loading} notFound={m.notFound} back={back} />
      </div>
    );
  }
  return <CaseView c={data} back={back} />;
}

function CaseView({ c, back }: { c: PortalCase; back: ReactNode }) {
  const p = usePortalMessages();
  const m = p.caseView;
  const { format } = useI18n();
  return (
    <article className="page portal portal-case" aria-labelledby="portal-case-title" data-testid="portal-case-page">
      {back}
      <header className="lead-header">
        <div className="lead-heading">
          <h1 id="portal-case-title" data-testid="portal-case-subject">
            {c.subject}
          </h1>
          <div className="lead-meta">
            <CaseStatusBadge status={c.status} testId="portal-case-status" />
            <span className="muted">
              {p.caseKinds[c.kind]} · {m.openedAt(format.dateTime(c.createdAt))}
            </span>
          </div>
        </div>
      </header>
      <p className={`notice notice-info portal-status-hint portal-status-hint-${c.status}`} data-testid="portal-case-status-hint">
        {p.statusHints[c.status]}
      </p>
      <div className="lead-layout">
        <div className="lead-main">
          {c.description ? (
            <section className="detail-section" aria-labelledby="portal-case-description">
              <h2 className="detail-title" id="portal-case-description">
                {m.description}
              </h2>
              <p className="pre-line break portal-description" data-testid="portal-case-description">
                {c.description}
              </p>
            </section>
          ) : null}
          <CaseConversation c={c} />
          {c.rating || canRate(c) ? <CaseRatingPanel c={c} /> : null}
          <CaseReplyForm c={c} />
        </div>
        <aside>
          <DetailSection
            title={m.details}
            rows={[
              [m.kind, p.caseKinds[c.kind]],
              [m.priority, p.priorities[c.priority]],
              [m.responsible, <span data-testid="portal-case-responsible">{c.responsible.name}</span>],
              [m.created, format.dateTime(c.createdAt)],
              [m.updated, format.dateTime(c.updatedAt)],
            ]}
          />
        </aside>
      </div>
    </article>
  );
}

/** The replies exchanged, oldest first: ours on one side, the client's on the other, each with who and when. */
function CaseConversation({ c }: { c: PortalCase }) {
  const p = usePortalMessages();
  const m = p.conversation;
  const { format } = useI18n();
  return (
    <section className="detail-section" aria-labelledby="portal-conversation-title" data-testid="portal-conversation">
      <h2 className="detail-title" id="portal-conversation-title">
        {m.title}
      </h2>
      {c.comments.length === 0 ? (
        <p className="muted">{m.empty}</p>
      ) : (
        <ol className="portal-thread">
          {c.comments.map((comment) => (
            <li key={comment.id} className={`portal-message portal-message-${comment.from}`} data-testid="portal-comment" data-from={comment.from}>
              <div className="portal-message-head">
                {named(comment.authorName) ? (
                  <>
                    <strong data-testid="portal-comment-author">{comment.authorName}</strong>
                    <span className="portal-message-side">{m.from[comment.from]}</span>
                  </>
                ) : (
                  <strong data-testid="portal-comment-author">{m.from[comment.from]}</strong>
                )}
                <time className="portal-message-time" dateTime={comment.at}>
                  {format.dateTime(comment.at)}
                </time>
              </div>
              <p className="pre-line break" data-testid="portal-comment-text">
                {comment.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
