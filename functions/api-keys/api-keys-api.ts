import * as z from 'zod';
import { apiKeySummarySchema, createdApiKeySchema, itemsOf } from '../../shared/api/contracts';
import { createApiKeySchema } from '../../shared/domain/access/api-key';
import { recordIdSchema } from '../../shared/domain/common/values';
import { createApiKeyAs, listApiKeysAs, revokeApiKeyAs } from '../../shared/services/api-key-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Integration API keys (admins): list, create (the secret is in this one answer only), revoke. */
const keyPath = z.object({ keyId: recordIdSchema });

export const handler = apiRouter({
  'GET /api/api-keys': apiHandler({ answer: itemsOf(apiKeySummarySchema) }, async ({ actor }) => ({ body: await listApiKeysAs(actor) })),
  'POST /api/api-keys': apiHandler({ body: createApiKeySchema, answer: createdApiKeySchema, status: 201 }, async ({ actor, body }) => ({ status: 201, body: await createApiKeyAs(actor, body) })),
  'POST /api/api-keys/{keyId}/revoke': apiHandler({ path: keyPath, answer: apiKeySummarySchema, conflicts: true }, async ({ actor, path }) => ({ body: await revokeApiKeyAs(actor, path.keyId) })),
});
