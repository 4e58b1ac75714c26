import type { TimelineEntry } from '../../api/contracts';
import { unnamed, type Case, type CaseComment, type CaseRating } from '../cases/case';

/**
 * What a client's person sees of a case in the portal (ACC-3): what they asked, how it stands, who
 * is working on it (a name, never an email or id) and the replies exchanged, oldest first — never
 * internal notes, tracked changes, the owner's id or the channel bookkeeping.
 */
export interface PortalCaseSummary {
  id: string;
  subject: string;
  description?: string;
  kind: Case['kind'];
  priority: Case['priority'];
  status: Case['status'];
  createdAt: string;
  updatedAt: string;
  responsible: { name: string };
  rating?: CaseRating;
}

export interface PortalCaseComment {
  id: string;
  at: string;
  text: string;
  authorName: string;
  from: CaseComment['from'];
}

export interface PortalCase extends PortalCaseSummary {
  comments: PortalCaseComment[];
}

/** A user as the portal names them: by name only. */
export const portalName = (user: { name?: string } | undefined): string => user?.name?.trim() || unnamed;

export function portalCaseSummaryOf(record: Case, owner: { name?: string } | undefined): PortalCaseSummary {
  return {
    id: record.id,
    subject: record.subject,
    ...(record.description ? { description: record.description } : {}),
    kind: record.kind,
    priority: record.priority,
    status: record.status,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    responsible: { name: portalName(owner) },
    ...(record.rating ? { rating: record.rating } : {}),
  };
}

/** A reply as the client sees it: text, when, who by name and from which side — not the author's id. */
export function portalCommentOf(entry: TimelineEntry): PortalCaseComment {
  const data = (entry.data ?? {}) as Partial<CaseComment>;
  return { id: entry.id, at: entry.at, text: String(data.text ?? ''), authorName: data.authorName || unnamed, from: data.from === 'client' ? 'client' : 'staff' };
}

/** The case with its public replies: only `comment` entries, oldest first. */
export function portalCaseOf(record: Case, owner: { name?: string } | undefined, timeline: readonly TimelineEntry[]): PortalCase {
  const comments = timeline
    .filter((e) => e.kind === 'comment')
    .map(portalCommentOf)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  return { ...portalCaseSummaryOf(record, owner), comments };
}
