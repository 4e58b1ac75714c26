import * as z from 'zod';
import { DomainError } from '../common/errors';
import { recordIdSchema, trimmed } from '../common/values';
import type { RecordBase, RecordKind } from '../records/record-type';
import { changesSomething, nothingToChangeIssue, updateShape } from '../records/record-values';

/**
 * Activities (REC-7): tasks, calls, meetings and logged emails, each about one record, with a due
 * time and an optional reminder. A call or meeting is done only with its outcome and the next
 * step agreed ("every contact ends with an agreed next step").
 */
export const activityKinds = ['task', 'call', 'meeting', 'email'] as const;
export const activityStatuses = ['open', 'done', 'cancelled'] as const;
export const regardingTypes = ['lead', 'account', 'contact', 'deal'] as const;

const dateTime = z.iso.datetime({ offset: true });

const activityFields = {
  kind: z.enum(activityKinds),
  subject: trimmed(300),
  description: trimmed(5000).optional(),
  regarding: z.strictObject({ type: z.enum(regardingTypes), id: recordIdSchema }),
  dueAt: dateTime.optional(),
  durationMinutes: z.number().int().min(1).max(24 * 60).optional(),
  /** When to remind the owner; before the due time. */
  reminderAt: dateTime.optional(),
  status: z.enum(activityStatuses).optional(),
  outcome: trimmed(2000).optional(),
  nextStep: trimmed(500).optional(),
  ownerId: z.string().min(1).max(128).optional(),
};

const reminderBeforeDue = (a: { reminderAt?: string | null; dueAt?: string | null }, ctx: z.RefinementCtx) => {
  if (a.reminderAt && a.dueAt && Date.parse(a.reminderAt) > Date.parse(a.dueAt)) {
    ctx.addIssue({ code: 'custom', path: ['reminderAt'], message: 'a reminder comes before the due time' });
  }
};

export const createActivitySchema = z.strictObject(activityFields).superRefine(reminderBeforeDue);
export type CreateActivityInput = z.infer<typeof createActivitySchema>;

/** What an activity is about does not change; everything else may. */
export const updateActivitySchema = z
  .strictObject(updateShape(activityFields, ['kind', 'subject', 'ownerId'], ['regarding']))
  .superRefine(reminderBeforeDue)
  .refine(changesSomething, nothingToChangeIssue);
export type UpdateActivityInput = z.infer<typeof updateActivitySchema>;

export type Activity = RecordBase & Omit<CreateActivityInput, 'ownerId' | 'status'> & { status: (typeof activityStatuses)[number]; completedAt?: string };

export const activityKind: RecordKind<Activity> = {
  type: 'activity',
  label: 'Activity',
  tracked: ['kind', 'subject', 'description', 'dueAt', 'durationMinutes', 'reminderAt', 'status', 'outcome', 'nextStep', 'ownerId', 'regarding'],
  status: (activity) => activity.status,
  parent: { types: regardingTypes, of: (activity) => activity.regarding, relink: (to) => ({ regarding: to }) },
  references: [{ field: 'regarding', types: regardingTypes, targets: (activity) => [{ link: activity.regarding, path: 'regarding.id' }] }],
  // Activities are found through their records, not by quick search.
  reminder: (activity) => (activity.status === 'open' ? activity.reminderAt : undefined),
  search: (activity) => ({ title: activity.subject, terms: {} }),
};

/** A finished call or meeting must say how it went and what was agreed next. */
export function assertCompletable(activity: Activity): void {
  if (activity.status !== 'done' || (activity.kind !== 'call' && activity.kind !== 'meeting')) return;
  const missing = (['outcome', 'nextStep'] as const).filter((f) => !activity[f]);
  if (missing.length) {
    throw new DomainError('unprocessable', 'A finished call or meeting records its outcome and the agreed next step', {
      fields: missing.map((path) => ({ path, message: 'required to finish a call or meeting', code: 'required_to_complete' })),
    });
  }
}
