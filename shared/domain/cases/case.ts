import * as z from 'zod';
import type { TimelineEntry } from '../../api/contracts';
import type { DomainEvent } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { DomainError } from '../common/errors';
import { recordIdSchema, trimmed } from '../common/values';
import { createRecord, recordRef, updateRecord, type RecordChange } from '../records/record-commands';
import { refersTo, type RecordBase, type RecordKind } from '../records/record-type';
import { changesSomething, nothingToChangeIssue, updateShape } from '../records/record-values';

/**
 * Service cases (SRV-1, SRV-2, SRV-5): a client's question, request or incident, from whichever
 * channel it came, under the client's account. Staff work it (status, priority, owner) and write
 * internal notes; replies the client sees are `comment` entries on its timeline. A portal user
 * opens cases for their own account, comments on them and rates the service once it is resolved.
 */
export const caseKinds = ['question', 'request', 'incident'] as const;
export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const caseStatuses = ['new', 'in-progress', 'waiting', 'resolved', 'closed'] as const;
export const caseChannels = ['phone', 'email', 'web', 'social', 'portal'] as const;
/** Staff register what came by phone, mail, the website or social networks; `portal` cases are opened by the portal only. */
export const staffCaseChannels = ['phone', 'email', 'web', 'social'] as const;

export type CaseStatus = (typeof caseStatuses)[number];

/** The client's rating of the service (SRV-5), given once through the portal. */
export interface CaseRating {
  score: number;
  comment?: string;
  at: string;
}

const caseFields = {
  subject: trimmed(200),
  description: trimmed(5000).optional(),
  accountId: recordIdSchema,
  contactId: recordIdSchema.optional(),
  kind: z.enum(caseKinds).optional(),
  priority: z.enum(casePriorities).optional(),
  status: z.enum(caseStatuses).optional(),
  channel: z.enum(staffCaseChannels).optional(),
  ownerId: z.string().min(1).max(128).optional(),
};

/** What staff send. Who opened a case in the portal and its rating are never taken from a staff body. */
export const createCaseSchema = z.strictObject(caseFields);
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

/** The channel a case came by stays what it was; the account is changed, never cleared. */
export const updateCaseSchema = z
  .strictObject(updateShape(caseFields, ['subject', 'accountId', 'kind', 'priority', 'status', 'ownerId'], ['channel']))
  .refine(changesSomething, nothingToChangeIssue);
export type UpdateCaseInput = z.infer<typeof updateCaseSchema>;

export type Case = RecordBase &
  Omit<CreateCaseInput, 'ownerId' | 'kind' | 'priority' | 'status' | 'channel'> & {
    kind: (typeof caseKinds)[number];
    priority: (typeof casePriorities)[number];
    status: CaseStatus;
    channel: (typeof caseChannels)[number];
    /** The account's name when the case was put under it, for search results and lists. */
    accountName?: string;
    /** The portal user who opened the case (channel `portal`). */
    openedBy?: string;
    rating?: CaseRating;
  };

export const caseDefaults = { kind: 'question', priority: 'normal', status: 'new', channel: 'phone' } as const satisfies Partial<Case>;

export const caseKind: RecordKind<Case> = {
  type: 'case',
  label: 'Case',
  tracked: ['subject', 'description', 'accountId', 'contactId', 'kind', 'priority', 'status', 'channel', 'ownerId', 'rating'],
  status: (c) => c.status,
  parent: { types: ['account'], of: (c) => ({ type: 'account', id: c.accountId }), relink: (to) => (to ? { accountId: to.id } : {}) },
  references: [refersTo('accountId', 'account'), refersTo('contactId', 'contact')],
  search: (c) => ({ title: c.subject, ...(c.accountName ? { subtitle: c.accountName } : {}), terms: { names: [c.subject] } }),
};

/** What a portal user sends to open a case: the account, owner, channel and status are theirs to know, not to say. */
export const portalCaseSchema = z.strictObject({
  subject: trimmed(200),
  description: trimmed(5000),
  kind: z.enum(caseKinds).optional(),
});
export type PortalCaseInput = z.infer<typeof portalCaseSchema>;

/**
 * A case a portal user opens (ACC-3): under their own account, worked by the account's owner,
 * `new`, channel `portal`, with who opened it. Nothing of that comes from the body.
 */
export function openPortalCase(account: { id: string; name: string; ownerId: string }, input: PortalCaseInput, ctx: CommandContext): RecordChange<Case> {
  return createRecord(
    caseKind,
    {
      ...caseDefaults,
      subject: input.subject,
      description: input.description,
      kind: input.kind ?? caseDefaults.kind,
      accountId: account.id,
      accountName: account.name,
      status: 'new',
      channel: 'portal',
      openedBy: ctx.actor.id,
      ownerId: account.ownerId,
    },
    ctx,
    account.ownerId,
  );
}

/** A reply on a case: by staff (`POST /api/cases/{id}/comments`) or by the client in the portal. */
export const caseCommentSchema = z.strictObject({ text: trimmed(5000) });

export const caseRatingSchema = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: trimmed(1000).optional(),
});
export type CaseRatingInput = z.infer<typeof caseRatingSchema>;

/** A public reply on the case's timeline: what the client sees of the conversation. */
export interface CaseComment {
  text: string;
  authorId: string;
  authorName: string;
  from: 'staff' | 'client';
}

/** Whoever wrote a reply, as the other side sees them: a name, never an email or an id. */
export const unnamed = '—';

/**
 * The `comment` timeline entry of a reply and its `CaseCommentAdded` event. Like a note, it does
 * not change the case (no new version), so nobody's edit of the case conflicts with it.
 */
export function commentOn(record: Case, comment: Omit<CaseComment, 'authorId'>, ctx: CommandContext): { entry: TimelineEntry; events: DomainEvent[] } {
  const data: CaseComment = { ...comment, authorId: ctx.actor.id };
  const added = entry(ctx, 'comment', { data: { ...data } });
  return { entry: added, events: [event(ctx, 'CaseCommentAdded', { record: recordRef(caseKind, record), entryId: added.id, from: comment.from, actorId: ctx.actor.id })] };
}

const conflict = (message: string, path: string, code: string): DomainError => new DomainError('conflict', message, { fields: [{ path, message, code }] });

/** The client replies while the case is open; a closed case takes no more comments (409, reopening nothing). */
export function assertClientMayComment(record: Case): void {
  if (record.status === 'closed') throw conflict('The case is closed: open a new one', 'status', 'case_closed');
}

/**
 * The client's rating (SRV-5): once, and only once the case is resolved or closed. It is stored
 * on the case as a change of its own (a new version, `rating` on the timeline).
 */
export function rateCase(record: Case, input: CaseRatingInput, ctx: CommandContext): RecordChange<Case> {
  if (record.rating) throw conflict('The case is already rated', 'rating', 'already_rated');
  if (record.status !== 'resolved' && record.status !== 'closed') throw conflict('A case is rated once it is resolved', 'status', 'not_resolved');
  const rating: CaseRating = { score: input.score, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now.toISOString() };
  return updateRecord(caseKind, record, { rating, version: record.version }, ctx);
}
