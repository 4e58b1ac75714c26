import { useEffect, useId, useState } from 'react';
import type { Activity } from '@shared/domain/activities/activity';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { useUserName } from '../../api/use-users';
import { useActivitiesMessages } from './activities-messages';
import { ActivityForm } from './ActivityForm';
import { CompleteActivityForm } from './CompleteActivityForm';
import { useActivities, useUpdateActivity, type Regarding } from './use-activities';
import '../../styles/records.css';

/**
 * A record's activities (REC-7): open ones first by due time, the overdue highlighted; a form to
 * plan a new one; "done" with the outcome and the next step (required for calls and meetings).
 *
 *   <ActivitiesPanel regarding={{ type: 'deal', id: deal.id }} />
 */
export function ActivitiesPanel({ regarding }: { regarding: Regarding }) {
  const { t } = useI18n();
  const am = useActivitiesMessages();
  const headingId = useId();
  const list = useActivities(regarding);
  const [adding, setAdding] = useState(false);
  const now = useMinuteClock();
  const all = list.data?.pages.flatMap((page) => page.items) ?? [];
  const open = all.filter((a) => a.status === 'open').sort(byDue);
  const closed = all.filter((a) => a.status !== 'open').sort(byFinished);

  return (
    <section className="record-panel activities-panel" aria-labelledby={headingId} data-testid="activities-panel">
      <div className="record-panel-head">
        <h2 id={headingId} className="detail-title">
          {am.title} {open.length > 0 ? <span className="record-count">{open.length}</span> : null}
        </h2>
        {!adding ? (
          <button type="button" className="button" onClick={() => setAdding(true)} data-testid="activity-add">
            <span aria-hidden="true">+</span> {am.add}
          </button>
        ) : null}
      </div>
      {adding ? <ActivityForm regarding={regarding} onDone={() => setAdding(false)} /> : null}

      {list.isPending ? (
        <LoadingState text={am.loading} />
      ) : list.isError && all.length === 0 ? (
        <ErrorNotice
          action={
            <button type="button" className="button" onClick={() => void list.refetch()}>
              {t.app.retry}
            </button>
          }
        >
          {apiErrorMessage(list.error, t)}
        </ErrorNotice>
      ) : all.length === 0 ? (
        adding ? null : <p className="muted">{am.empty}</p>
      ) : (
        <>
          {open.length > 0 ? (
            <ul className="activity-list" aria-label={am.open}>
              {open.map((activity) => (
                <ActivityItem key={activity.id} activity={activity} regarding={regarding} now={now} />
              ))}
            </ul>
          ) : null}
          {closed.length > 0 ? (
            <details className="activity-closed">
              <summary>
                {am.closed} <span className="record-count">{closed.length}</span>
              </summary>
              <ul className="activity-list">
                {closed.map((activity) => (
                  <ActivityItem key={activity.id} activity={activity} regarding={regarding} now={now} />
                ))}
              </ul>
            </details>
          ) : null}
          {list.hasNextPage ? (
            <button type="button" className="button button-block" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
              {list.isFetchingNextPage ? <Spinner size="sm" /> : null}
              {am.loadMore}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

function ActivityItem({ activity, regarding, now }: { activity: Activity; regarding: Regarding; now: number }) {
  const { t, format } = useI18n();
  const am = useActivitiesMessages();
  const userName = useUserName();
  const cancel = useUpdateActivity(regarding);
  const [completing, setCompleting] = useState(false);
  const isOpen = activity.status === 'open';
  const overdue = isOpen && activity.dueAt !== undefined && Date.parse(activity.dueAt) < now;
  const className = ['activity-item', `activity-${activity.status}`, overdue ? 'activity-overdue' : ''].filter(Boolean).join(' ');

  return (
    <li className={className} data-testid="activity-item" data-status={activity.status} data-overdue={overdue || undefined}>
      <div className="activity-head">
        <span className={`activity-kind activity-kind-${activity.kind}`}>{am.kinds[activity.kind]}</span>
        <strong className="activity-subject break">{activity.subject}</strong>
        {overdue ? (
          <span className="badge activity-overdue-badge" data-testid="activity-overdue">
            {am.overdue}
          </span>
        ) : null}
        {!isOpen ? <span className="badge">{am.statuses[activity.status]}</span> : null}
      </div>
      <p className="activity-meta">
        {activity.dueAt ? (
          <time dateTime={activity.dueAt} className={overdue ? 'activity-due-overdue' : undefined}>
            {am.due(format.dateTime(activity.dueAt))}
          </time>
        ) : null}
        {activity.durationMinutes ? <span>{am.minutes(activity.durationMinutes)}</span> : null}
        {isOpen && activity.reminderAt ? <span>{am.reminder(format.dateTime(activity.reminderAt))}</span> : null}
        {activity.completedAt ? <span>{am.completedAt(format.dateTime(activity.completedAt))}</span> : null}
        <span>{userName(activity.ownerId)}</span>
      </p>
      {activity.description ? <p className="activity-text pre-line">{activity.description}</p> : null}
      {activity.outcome ? (
        <p className="activity-text">
          <span className="muted">{am.fields.outcome}:</span> {activity.outcome}
        </p>
      ) : null}
      {activity.nextStep ? (
        <p className="activity-text">
          <span className="muted">{am.fields.nextStep}:</span> {activity.nextStep}
        </p>
      ) : null}
      {isOpen ? (
        completing ? (
          <CompleteActivityForm activity={activity} regarding={regarding} onDone={() => setCompleting(false)} />
        ) : (
          <div className="activity-actions">
            <button type="button" className="button" onClick={() => setCompleting(true)} data-testid="activity-done">
              <span aria-hidden="true">✓</span> {am.markDone}
            </button>
            <button
              type="button"
              className="button button-link"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate({ id: activity.id, patch: { version: activity.version, status: 'cancelled' } })}
            >
              {cancel.isPending ? am.cancelling : am.cancelActivity}
            </button>
          </div>
        )
      ) : null}
      {cancel.isError ? <ErrorNotice>{isApiError(cancel.error) && cancel.error.isConflict ? am.conflict : apiErrorMessage(cancel.error, t)}</ErrorNotice> : null}
    </li>
  );
}

const time = (iso: string | undefined): number => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);
const byDue = (a: Activity, b: Activity): number => time(a.dueAt) - time(b.dueAt) || a.createdAt.localeCompare(b.createdAt);
const byFinished = (a: Activity, b: Activity): number => (b.completedAt ?? b.updatedAt).localeCompare(a.completedAt ?? a.updatedAt);

/** The current time, once a minute: what is overdue changes while the page is open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
