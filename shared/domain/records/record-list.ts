import * as z from 'zod';
import { recordIdSchema } from '../common/values';
import { recordTypes } from './record-type';

/** The list query every core record type accepts (its own status values are checked by the type). */
export const recordSortKeys = ['createdAt', '-createdAt', 'name', '-name'] as const;
export type RecordSort = (typeof recordSortKeys)[number];

/** Query parameters `custom.<key>=<value>` filter on custom fields (REC-9). */
const customFilterParam = /^custom\.[a-z][a-zA-Z0-9]{0,39}$/;

const listShape = {
  status: z.string().min(1).max(40).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Records listed under another: an account's contacts (`parentId` = the account). */
  parentId: recordIdSchema.optional(),
  /** The parent's type, where records may be under several (activities under a lead, account, contact or deal). */
  parentType: z.enum(recordTypes).optional(),
  /** Exactly these records (comma list, up to 100), as one batch read: names for a page of links. Not combined with other filters. */
  ids: z
    .string()
    .max(100 * 27)
    .transform((list) => [...new Set(list.split(',').filter(Boolean))])
    .pipe(z.array(recordIdSchema).min(1).max(100))
    .optional(),
  sort: z.enum(recordSortKeys).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
};

/** A list's query parameters: its own, plus `custom.<key>` filters (REC-9); anything else is refused. */
export function withCustomFilters<S extends z.ZodRawShape>(shape: S) {
  return z
    .strictObject(shape)
    .catchall(z.string().max(200))
    .superRefine((query, ctx) => {
      for (const key of Object.keys(query)) {
        if (!(key in shape) && !customFilterParam.test(key)) ctx.addIssue({ code: 'unrecognized_keys', keys: [key], path: [], message: `unknown parameter ${key}` });
      }
    });
}

export const listRecordsQuerySchema = withCustomFilters(listShape)
  .superRefine((query, ctx) => {
    const combined = query.ids && Object.keys(query).filter((key) => !['ids', 'sort', 'limit'].includes(key));
    if (combined && combined.length > 0) ctx.addIssue({ code: 'custom', path: ['ids'], message: `ids is not combined with ${combined.join(', ')}` });
  });
export type ListRecordsQuery = z.infer<typeof listRecordsQuerySchema>;

/** The custom-field filters of a list query, by field key. */
export const customFiltersOf = (query: Record<string, unknown>): [string, string][] =>
  Object.entries(query).flatMap(([param, value]) => (customFilterParam.test(param) && typeof value === 'string' ? [[param.slice('custom.'.length), value]] : []));
