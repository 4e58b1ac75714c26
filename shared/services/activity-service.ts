import type { Mirrored } from '../data/records-repository';
import { activityKind, activityStatuses, assertCompletable, type Activity, type CreateActivityInput, type UpdateActivityInput } from '../domain/activities/activity';
import type { RecordChange } from '../domain/records/record-commands';
import { recordService } from './record-service';

/**
 * Activities (REC-7). Each shows on the timeline of the record it is about (REC-8) when it is
 * planned and when it is done or cancelled, written in the activity's own transaction.
 */
function onRegardingTimeline(change: RecordChange<Activity>, before: Activity | undefined): Mirrored[] {
  const activity = change.record;
  if (before && before.status === activity.status) return [];
  return [
    {
      link: activity.regarding,
      entry: {
        ...change.history,
        kind: 'activity',
        data: {
          activityId: activity.id,
          activityKind: activity.kind,
          subject: activity.subject,
          status: activity.status,
          ...(activity.dueAt ? { dueAt: activity.dueAt } : {}),
          ...(activity.outcome ? { outcome: activity.outcome } : {}),
          ...(activity.nextStep ? { nextStep: activity.nextStep } : {}),
        },
      },
    },
  ];
}

export const activities = recordService<Activity, CreateActivityInput, UpdateActivityInput>(activityKind, {
  statuses: activityStatuses,
  defaults: { status: 'open' },
  prepare: async (fields, before, now) => {
    const done = fields.status === 'done' && before?.status !== 'done';
    return done ? { ...fields, completedAt: now.toISOString() } : fields;
  },
  // The record it is about passes the reference guard (ACC-2): its kind declares `regarding`.
  check: async (activity) => assertCompletable(activity),
  mirror: onRegardingTimeline,
});
