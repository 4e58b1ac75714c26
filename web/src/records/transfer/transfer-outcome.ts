import type { TransferOutcome, TransferResult } from '@shared/domain/ownership/ownership-transfer';
import { isApiError } from '../../api/api-error';

/**
 * What a bulk transfer came to, in the terms the dialog tells the user: how many records moved,
 * were already the new owner's, were not found (gone or out of sight) or changed meanwhile
 * (conflict), and which ones did not move.
 */
export const transferOutcomes = ['moved', 'unchanged', 'not_found', 'conflict'] as const satisfies readonly TransferOutcome[];

export type FailedOutcome = Exclude<TransferOutcome, 'moved' | 'unchanged'>;

export interface TransferSummary {
  counts: Record<TransferOutcome, number>;
  /** Records answered for, in the order sent. */
  total: number;
  /** Those that did not move and are not the new owner's: not found, in conflict. */
  failed: { id: string; outcome: FailedOutcome }[];
  /** Every id answered for: these leave the selection. */
  answered: string[];
}

const isFailed = (outcome: TransferOutcome): outcome is FailedOutcome => outcome === 'not_found' || outcome === 'conflict';

export function summarizeTransfer(results: readonly TransferResult[]): TransferSummary {
  const counts: Record<TransferOutcome, number> = { moved: 0, unchanged: 0, not_found: 0, conflict: 0 };
  const failed: TransferSummary['failed'] = [];
  const answered: string[] = [];
  for (const { id, outcome } of results.flatMap((result) => result.items)) {
    counts[outcome] += 1;
    answered.push(id);
    if (isFailed(outcome)) failed.push({ id, outcome });
  }
  return { counts, total: answered.length, failed, answered };
}

/**
 * A refused transfer in the dialog's words: a manager's new owner outside their team (403 on
 * `ownerId`), a role that may not transfer (403), a new owner the directory does not know
 * (400 on `toOwnerId`); anything else is said as the app says failed requests.
 */
export type TransferErrorKind = 'outsideTeam' | 'forbidden' | 'unknownOwner' | 'other';

export function transferErrorKind(error: unknown): TransferErrorKind {
  if (!isApiError(error)) return 'other';
  if (error.status === 403) return error.fields.some((field) => field.path === 'ownerId' && /team/i.test(field.message)) ? 'outsideTeam' : 'forbidden';
  if (error.status === 400 && error.fields.some((field) => field.path.split('.').at(-1) === 'toOwnerId')) return 'unknownOwner';
  return 'other';
}
