import type * as z from 'zod';
import { caseCommentSchema, caseRatingSchema, portalCaseSchema, unnamed, type Case, type CaseRatingInput, type CaseStatus, type PortalCaseInput } from '@shared/domain/cases/case';
import type { PortalCase, PortalCaseComment, PortalCaseSummary } from '@shared/domain/portal/portal-case';
import { isApiError } from '../../api/api-error';
import { issuesOfApi, issuesOfZod, type Issue } from '../../records/form/form-errors';
import type { PortalMessages } from './portal-messages';

/**
 * The portal's cases without React (ACC-3, SRV-5): query keys and addresses, what a status lets
 * the client do, the forms' checks with the shared schemas and their issues in the client's words,
 * and the cache updates after a reply or a rating.
 */

/** Keys under `['portal']`: invalidating `cases` refreshes the list and every opened case. */
export const portalKeys = {
  all: ['portal'] as const,
  deals: ['portal', 'deals'] as const,
  cases: ['portal', 'cases'] as const,
  caseList: ['portal', 'cases', 'list'] as const,
  case: (id: string) => ['portal', 'cases', 'detail', id] as const,
};

export const portalCasesUrl = '/api/portal/cases';
export const portalCaseUrl = (id: string): string => `${portalCasesUrl}/${encodeURIComponent(id)}`;

/** A person's name as the API gives it, when it is one (not the `—` of someone unnamed). */
export const named = (name: string): boolean => name.trim() !== '' && name !== unnamed;

/** The client replies until the case is closed (the API answers 409 `case_closed` then). */
export const canReply = (status: CaseStatus): boolean => status !== 'closed';

/** The client rates once, when the case is resolved or closed (SRV-5). */
export const canRate = (c: Pick<PortalCaseSummary, 'status' | 'rating'>): boolean => !c.rating && (c.status === 'resolved' || c.status === 'closed');

/** A status that asks something of the client stands out in the list. */
export const needsClient = (status: CaseStatus): boolean => status === 'waiting';

export const maxScore = 5;
export const scores = [1, 2, 3, 4, 5] as const;

/** `★★★★☆` for 4: the picture of a score; its words go beside it for screen readers. */
export const stars = (score: number): string => {
  const filled = Math.max(0, Math.min(maxScore, Math.round(score)));
  return '★'.repeat(filled) + '☆'.repeat(maxScore - filled);
};

/** What the new-case form holds as typed. */
export interface NewCaseValues {
  subject: string;
  description: string;
  kind: Case['kind'];
}
export type NewCaseField = keyof NewCaseValues;
export const newCaseFields: readonly NewCaseField[] = ['subject', 'description', 'kind'];
export const emptyNewCase: NewCaseValues = { subject: '', description: '', kind: 'question' };

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

/** A form's problems: by field, and those no field of the form shows (said above the form). */
export interface Placed<F extends string> {
  fields: FieldErrors<F>;
  other: string[];
}

/** One issue in the client's words: missing, too long, or otherwise not acceptable. */
export function issueWords(issue: Issue, m: PortalMessages['issues']): string {
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && /undefined/.test(issue.message)) || issue.code === 'required') return m.required;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return m.tooLong(issue.maximum);
  return m.invalid;
}

/** Issues (the schema's in the browser or the API's 400) on the form's fields; the first of a field wins. */
export function placeIssues<F extends string>(issues: readonly Issue[], known: readonly F[], m: PortalMessages['issues']): Placed<F> {
  const fields: FieldErrors<F> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = known.find((key) => issue.path === key || issue.path.startsWith(`${key}.`));
    if (field) fields[field] ??= issueWords(issue, m);
    else other.push(issueWords(issue, m));
  }
  return { fields, other: [...new Set(other)] };
}

/** The API's 400 on a form's fields; undefined for any other failure. */
export function apiIssues<F extends string>(error: unknown, known: readonly F[], m: PortalMessages['issues']): Placed<F> | undefined {
  if (!isApiError(error) || error.code !== 'validation_failed' || error.fields.length === 0) return undefined;
  return placeIssues(issuesOfApi(error.fields), known, m);
}

export type Checked<T, F extends string> = { ok: true; body: T } | { ok: false; problems: Placed<F> };

/** A form's values checked with the shared schema the API checks them with. */
function checkWith<S extends z.ZodType, F extends string>(schema: S, values: unknown, known: readonly F[], m: PortalMessages['issues']): Checked<z.output<S>, F> {
  const parsed = schema.safeParse(values);
  return parsed.success ? { ok: true, body: parsed.data } : { ok: false, problems: placeIssues(issuesOfZod(parsed.error.issues), known, m) };
}

/** The new case as the API takes it (`portalCaseSchema`), or its problems by field. */
export const checkNewCase = (values: NewCaseValues, m: PortalMessages['issues']): Checked<PortalCaseInput, NewCaseField> =>
  checkWith(portalCaseSchema, { subject: values.subject, description: values.description, kind: values.kind }, newCaseFields, m);

/** A reply (`caseCommentSchema`): not blank, at most 5000 characters. */
export const checkReply = (text: string, m: PortalMessages['issues']): Checked<{ text: string }, 'text'> => checkWith(caseCommentSchema, { text }, ['text'], m);

/** A rating (`caseRatingSchema`): a score chosen from 1 to 5 and an optional comment; no score is said as such. */
export function checkRating(score: number | undefined, comment: string, m: PortalMessages): Checked<CaseRatingInput, 'score' | 'comment'> {
  const checked = checkWith(caseRatingSchema, { score, ...(comment.trim() ? { comment } : {}) }, ['score', 'comment'], m.issues);
  if (checked.ok || !checked.problems.fields.score) return checked;
  return { ok: false, problems: { ...checked.problems, fields: { ...checked.problems.fields, score: m.rating.chooseScore } } };
}

/** The code of a 409 the portal words itself: `case_closed`, `already_rated`, `not_resolved`. */
export function conflictCode(error: unknown): string | undefined {
  if (!isApiError(error) || error.status !== 409) return undefined;
  return error.fields.find((field) => field.code)?.code;
}

/** The case with the reply just sent, once, the conversation kept oldest first. */
export function withComment(c: PortalCase, comment: PortalCaseComment): PortalCase {
  if (c.comments.some((existing) => existing.id === comment.id)) return c;
  const comments = [...c.comments, comment].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return { ...c, comments };
}

/** The pages loaded so far as one list, each case once (a case opened meanwhile can shift a page). */
export function casesOfPages(pages: readonly { items: readonly PortalCaseSummary[] }[]): PortalCaseSummary[] {
  const seen = new Set<string>();
  const out: PortalCaseSummary[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      out.push(item);
    }
  }
  return out;
}

