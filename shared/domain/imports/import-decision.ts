import { matchActs, type MatchBasis } from '../duplicates/match-keys';
import { mergePatch } from './import-merge';
import { outcomeOf, type DuplicatePolicy, type ImportJob, type ImportMatch, type ImportRow } from './import-job';

/**
 * What becomes of a valid row (REC-11): one decision, the same for the dry run and the run, so
 * the dry run predicts exactly what the run does when the data did not change in between.
 *
 * - Only a match that acts on its own (matchActs: a strong one, or a name where nothing stronger
 *   exists) makes a row a duplicate under the policy; weak matches are listed for review and the
 *   row is created, unless the person chose otherwise for that row on the dry run's report.
 * - A duplicate the importer may not work (another owner's client) is neither imported as a second
 *   copy nor revealed: the row is skipped as "held by another owner", for a manager to see.
 * - "Update" with nothing the record lacks writes nothing: the row is skipped as "adds nothing".
 */
export interface Candidate extends MatchBasis {
  /** The record's id; absent for a record an earlier row of the file will create (dry run). */
  id?: string;
  /** The earlier row of the same file it comes from, when it does. */
  row?: number;
  ownerId: string;
  /** The importer may work it (update, or let a row count as it). */
  workable: boolean;
  /** The record has a strong identifier of its own (see matchActs). */
  strongKeys: boolean;
  /** The record as it is (or will be, after the earlier rows), for what an update would change. */
  snapshot: Record<string, unknown>;
}

export const heldByAnotherOwner = 'held by another owner';
export const addsNothing = 'adds nothing';

export interface RowDecision {
  row: ImportRow;
  /** The record to update (action update) or the one the row duplicates. */
  target?: Candidate;
  /** What an update changes. */
  patch?: Record<string, unknown>;
}

const asMatch = (c: Candidate, acts: boolean): ImportMatch => ({
  ...(c.id ? { id: c.id } : {}),
  ...(c.row !== undefined ? { row: c.row } : {}),
  ownerId: c.ownerId,
  reasons: c.reasons,
  strength: c.strength,
  evidence: c.evidence,
  acts,
});

export function decideRow(
  job: Pick<ImportJob, 'duplicatePolicy' | 'rowActions'>,
  rowNumber: number,
  input: Record<string, unknown>,
  rowStrong: boolean,
  candidates: readonly Candidate[],
): RowDecision {
  const acting = candidates.filter((c) => matchActs(c, { rowStrong, recordStrong: c.strongKeys }));
  const matches = candidates.slice(0, 5).map((c) => asMatch(c, acting.includes(c)));
  const chosen: DuplicatePolicy | undefined = job.rowActions?.[String(rowNumber)];
  // A person's choice on the report may take a weak match too; nothing else does.
  const grounds = acting.length ? acting : chosen && chosen !== 'create' ? candidates : [];
  const base = { row: rowNumber, ...(matches.length ? { matches } : {}) };
  if (!grounds.length) return { row: { ...base, outcome: 'created' } };

  const target = grounds.find((c) => c.workable);
  if (!target) return { row: { ...base, outcome: 'skipped', action: 'skip', reason: heldByAnotherOwner } };
  const action = chosen ?? job.duplicatePolicy;
  if (action !== 'update') return { row: { ...base, outcome: outcomeOf[action], action }, target };
  const patch = mergePatch(target.snapshot, input);
  if (!Object.keys(patch).length) return { row: { ...base, outcome: 'skipped', action, reason: addsNothing }, target };
  return { row: { ...base, outcome: 'updated', action, ...(target.id ? { recordId: target.id } : {}) }, target, patch };
}
