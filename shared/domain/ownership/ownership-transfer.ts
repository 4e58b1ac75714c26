import * as z from 'zod';
import { recordIdSchema } from '../common/values';
import { resourcesOf } from '../records/record-type';

/**
 * Bulk transfer of ownership (ACC-2, SAL-12): a manager or admin gives chosen records to another
 * owner — a seller leaves, a territory moves. Each record changes like any edit (version checked,
 * old → new owner on its timeline), and the call is on the audit trail.
 */
export const transferResources = resourcesOf(['lead', 'account', 'contact', 'deal', 'activity']);
export type TransferResource = keyof typeof transferResources;

export const ownershipTransferSchema = z.strictObject({
  ids: z.array(recordIdSchema).min(1).max(100),
  toOwnerId: z.string().min(1).max(128),
});
export type OwnershipTransferInput = z.infer<typeof ownershipTransferSchema>;

export type TransferOutcome = 'moved' | 'unchanged' | 'not_found' | 'conflict';
export interface TransferResult {
  moved: number;
  items: { id: string; outcome: TransferOutcome }[];
}
