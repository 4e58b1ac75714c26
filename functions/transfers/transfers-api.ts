import * as z from 'zod';
import { ownershipTransferSchema, transferResources, type TransferResource, type TransferResult } from '../../shared/domain/ownership/ownership-transfer';
import { transferOwnershipAs } from '../../shared/services/ownership-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Bulk transfer of ownership (ACC-2): `POST /api/{resource}/transfer` with the chosen ids and the new owner. */
const resourcePath = z.object({
  resource: z.enum(Object.keys(transferResources) as [TransferResource], { message: 'one of leads, accounts, contacts, deals, activities' }),
});

/** How many records changed owner, and what became of each id asked for. */
const transferAnswer = z.object({
  moved: z.number().int(),
  items: z.array(z.object({ id: z.string(), outcome: z.enum(['moved', 'unchanged', 'not_found', 'conflict']) })),
}) satisfies z.ZodType<TransferResult>;

export const handler = apiRouter({
  'POST /api/{resource}/transfer': apiHandler({ path: resourcePath, body: ownershipTransferSchema, answer: transferAnswer }, async ({ actor, path, body }) => ({
    body: await transferOwnershipAs(actor, path.resource, body),
  })),
});
