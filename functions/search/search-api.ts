import * as z from 'zod';
import { searchAs } from '../../shared/services/search-service';
import { recordTypes } from '../../shared/domain/records/record-type';
import { itemsOf } from '../../shared/api/contracts';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Quick search (REC-13) as the user types: one or two index Queries, never a scan. */
const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(200),
  /** Comma-separated record types to search; all by default. */
  types: z
    .string()
    .transform((list) => list.split(',').filter(Boolean))
    .pipe(z.array(z.enum(recordTypes)).min(1))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** A record found: enough to show it in the results and open it. */
const searchHitAnswer = z.object({ type: z.enum(recordTypes), id: z.string(), title: z.string(), subtitle: z.string().optional(), ownerId: z.string() });

export const searchRoute = apiHandler({ query: searchQuery, answer: itemsOf(searchHitAnswer) }, async ({ actor, query }) => ({
  body: { items: await searchAs(actor, query.q, { limit: query.limit, ...(query.types ? { types: query.types } : {}) }) },
}));

export const handler = apiRouter({ 'GET /api/search': searchRoute });
