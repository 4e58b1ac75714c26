import type { TimelineEntry } from '@shared/api/contracts';
import { caseCommentSchema, caseDefaults, createCaseSchema, unnamed, updateCaseSchema, type Case, type CaseRating, type CaseStatus } from '@shared/domain/cases/case';
import { issuesOfZod, issueText, type FormErrors, type Issue } from '../../records/form/form-errors';
import { defined, patchOf, textOrUndefined } from '../../records/form/record-form';
import type { RecordsMessages } from '../../records/records-messages';
import type { CasesMessages } from './cases-messages';

/**
 * The case pages' pure parts: the form's values and what they become for the API (checked with
 * the shared schemas first), where the API's issues go, the timeline's replies and notes, and
 * case values in words.
 */
export interface CaseFormValues {
  subject: string;
  description: string;
  /** The account picker's value: its name once known. */
  account: { id: string; title?: string } | null;
  /** '' for none. */
  contactId: string;
  kind: Case['kind'];
  priority: Case['priority'];
  status: CaseStatus;
  /** Chosen on a new case (a staff channel); shown, never sent, on an edit. */
  channel: Case['channel'];
  /** '' on a new case: the author. */
  ownerId: string;
}

export function newCaseFormValues(accountId?: string): CaseFormValues {
  const { kind, priority, status, channel } = caseDefaults;
  return { subject: '', description: '', account: accountId ? { id: accountId } : null, contactId: '', kind, priority, status, channel, ownerId: '' };
}

export function caseFormValuesOf(record: Case): CaseFormValues {
  return {
    subject: record.subject,
    description: record.description ?? '',
    account: { id: record.accountId, ...(record.accountName ? { title: record.accountName } : {}) },
    contactId: record.contactId ?? '',
    kind: record.kind,
    priority: record.priority,
    status: record.status,
    channel: record.channel,
    ownerId: record.ownerId,
  };
}

/** The fields a create and an update share, as the API takes them; blanks are left out. */
export function caseFieldsOf(values: CaseFormValues): Record<string, unknown> {
  return defined({
    subject: textOrUndefined(values.subject),
    description: textOrUndefined(values.description),
    accountId: values.account?.id,
    contactId: values.contactId || undefined,
    kind: values.kind,
    priority: values.priority,
    status: values.status,
    ownerId: values.ownerId || undefined,
  });
}

/** The fields an update may not clear (the others are cleared with `null`). */
const keptFields = ['subject', 'accountId', 'kind', 'priority', 'status', 'ownerId'] as const;

/** What a submit sends, or why it does not: the schema's issues, or nothing to change. */
export type CaseCheck = { body: Record<string, unknown> } | { issues: Issue[] } | { nothingChanged: true };

export function checkNewCase(values: CaseFormValues): CaseCheck {
  const parsed = createCaseSchema.safeParse({ ...caseFieldsOf(values), channel: values.channel });
  return parsed.success ? { body: parsed.data } : { issues: issuesOfZod(parsed.error.issues) };
}

/**
 * An edit sends what changed since the form began (`initial`), with the version it began from;
 * a kept field emptied is "required", as the schema would say of a new case.
 */
export function checkCaseEdit(values: CaseFormValues, initial: CaseFormValues, version: number): CaseCheck {
  const { patch, cleared } = patchOf(caseFieldsOf(values), caseFieldsOf(initial), keptFields);
  const parsed = updateCaseSchema.safeParse({ version, ...patch });
  const issues = [
    ...cleared.map((path): Issue => ({ path, code: 'too_small', message: 'required' })),
    ...(parsed.success ? [] : issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version')),
  ];
  if (issues.length > 0) return { issues };
  return parsed.success ? { body: parsed.data } : { nothingChanged: true };
}

const formKeys: ReadonlySet<string> = new Set(['subject', 'description', 'accountId', 'contactId', 'kind', 'priority', 'status', 'channel', 'ownerId']);

/** Which errors (by API path) a change of a form value answers: a new account also answers the contact's. */
export const caseErrorsCleared = (field: keyof CaseFormValues, key: string): boolean =>
  field === 'account' ? key === 'accountId' || key === 'contactId' : key === field;

export function caseIssueText(issue: Issue, m: RecordsMessages, cm: CasesMessages): string {
  if (issue.code === 'other_account') return cm.form.otherAccount;
  if (issue.path === 'accountId' && issue.code === 'not_found') return cm.form.noSuchAccount;
  return issueText(issue, m);
}

/** The client's and the API's issues on the form's fields (the first of each wins), and those no field shows. */
export function placeCaseIssues(issues: readonly Issue[], m: RecordsMessages, cm: CasesMessages): { fields: FormErrors; other: string[] } {
  const fields: FormErrors = {};
  const other: string[] = [];
  for (const issue of issues) {
    const text = caseIssueText(issue, m, cm);
    const key = issue.path.split('.')[0] ?? '';
    if (formKeys.has(key)) fields[key] ??= text;
    else other.push(issue.path && issue.path !== 'body' ? `${issue.path}: ${text}` : text);
  }
  return { fields, other };
}

/** The longest reply the API takes (`caseCommentSchema`). */
export const maxReply = 5000;

/** A reply to the client, checked with the API's schema: its trimmed text, or what is wrong with it. */
export function checkReply(text: string): { text: string } | { problem: 'empty' | 'tooLong' } {
  const parsed = caseCommentSchema.safeParse({ text });
  if (parsed.success) return parsed.data;
  return { problem: parsed.error.issues.some((issue) => issue.code === 'too_big') ? 'tooLong' : 'empty' };
}

/** A written entry of the case's timeline: an internal note, a reply to the client, or the client's message. */
export interface CaseMessage {
  kind: 'note' | 'reply' | 'client';
  text: string;
  /** The name the reply was signed with; absent when it was signed by no name (staff then see the author's account). */
  author?: string;
}

export function caseMessageOf(entry: TimelineEntry): CaseMessage | undefined {
  if (entry.kind === 'note') return { kind: 'note', text: entry.note ?? '' };
  if (entry.kind !== 'comment') return undefined;
  const data = entry.data ?? {};
  const author = typeof data.authorName === 'string' && data.authorName !== '' && data.authorName !== unnamed ? data.authorName : undefined;
  return { kind: data.from === 'client' ? 'client' : 'reply', text: typeof data.text === 'string' ? data.text : '', ...(author ? { author } : {}) };
}

const isRating = (value: unknown): value is CaseRating => typeof value === 'object' && value !== null && typeof (value as CaseRating).score === 'number';

export function ratingText(rating: CaseRating, cm: CasesMessages): string {
  return `${cm.rating.stars(rating.score)} ${cm.rating.score(rating.score)}${rating.comment ? ` — «${rating.comment}»` : ''}`;
}

/** A case's own values in words (kind, priority, status, channel, rating); undefined for the others. */
export function caseValueText(field: string, value: unknown, cm: CasesMessages): string | undefined {
  if (field === 'rating') return isRating(value) ? ratingText(value, cm) : undefined;
  if (typeof value !== 'string') return undefined;
  const words: Partial<Record<string, Record<string, string>>> = { kind: cm.kinds, priority: cm.priorities, status: cm.statuses, channel: cm.channels };
  const table = words[field];
  return table && Object.hasOwn(table, value) ? table[value] : undefined;
}
