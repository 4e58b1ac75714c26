import { transferResources, type TransferResource, type TransferResult } from '@shared/domain/ownership/ownership-transfer';
import type { HttpClient } from '../../api/http-client';

/**
 * Bulk transfer of ownership (ACC-2) from the web: the chosen ids go to
 * `POST /api/{resource}/transfer` in parts of at most 100 (the API's limit), one part after the
 * other, each part's answer reported as it comes. A part that fails stops the run; the answers
 * before it are kept with the failure, so what was done is not lost.
 */
export const transferBatchSize = 100;

/** The list's resource when its records can be transferred (not products). */
export const transferResourceOf = (resource: string): TransferResource | undefined =>
  Object.hasOwn(transferResources, resource) ? (resource as TransferResource) : undefined;

export function batchesOf<T>(items: readonly T[], size = transferBatchSize): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

export interface TransferProgress {
  /** The part being sent, from 1. */
  part: number;
  parts: number;
  /** Records answered for so far. */
  done: number;
  total: number;
}

/** A run that stopped at a failed part: the failure, and the parts' answers before it. */
export class TransferStopped extends Error {
  constructor(
    readonly failure: unknown,
    readonly results: TransferResult[],
  ) {
    super('The transfer stopped at a failed part');
    this.name = 'TransferStopped';
  }
}

export async function runTransfer(
  http: HttpClient,
  resource: TransferResource,
  input: { ids: readonly string[]; toOwnerId: string },
  onProgress: (progress: TransferProgress) => void,
): Promise<TransferResult[]> {
  const ids = [...new Set(input.ids)];
  const parts = batchesOf(ids);
  const results: TransferResult[] = [];
  let done = 0;
  for (const [index, part] of parts.entries()) {
    onProgress({ part: index + 1, parts: parts.length, done, total: ids.length });
    try {
      results.push(await http.post<TransferResult>(`/api/${resource}/transfer`, { ids: part, toOwnerId: input.toOwnerId }));
    } catch (error) {
      throw new TransferStopped(error, results);
    }
    done += part.length;
  }
  onProgress({ part: parts.length, parts: parts.length, done, total: ids.length });
  return results;
}
