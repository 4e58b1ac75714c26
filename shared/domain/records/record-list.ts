import * as z from 'zod';
import { recordIdSchema } from '../common/values';

/** The list query every core record type accepts (its own status values are checked by the type). */
export const recordSortKeys = ['createdAt', '-createdAt', 'name', '-name'] as const;
export type RecordSort = (typeof recordSortKeys)[number];

export const listRecordsQuerySchema = z.strictObject({
  status: z.string().min(1).max(40).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Records listed under another: an account's contacts (`parentId` = the account). */
  parentId: recordIdSchema.optional(),
  sort: z.enum(recordSortKeys).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
export type ListRecordsQuery = z.infer<typeof listRecordsQuerySchema>;
