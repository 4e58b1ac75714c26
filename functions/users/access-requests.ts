import * as z from 'zod';
import { accessRequestSchema, itemsOf } from '../../shared/api/contracts';
import { decideAccessRequestSchema, fileAccessRequestSchema, listAccessRequestsSchema } from '../../shared/domain/access/access-request';
import { recordIdSchema } from '../../shared/domain/common/values';
import { decideAccessRequestAs, fileAccessRequestAs, listAccessRequestsAs } from '../../shared/services/access-request-service';
import { apiHandler } from '../http/api-handler';

/** Access requests (ACC-5): file one for yourself, follow it; admins grant or decline. */
const requestPath = z.object({ requestId: recordIdSchema });

export const listAccessRequestsRoute = apiHandler({ query: listAccessRequestsSchema, answer: itemsOf(accessRequestSchema) }, async ({ actor, query }) => ({ body: await listAccessRequestsAs(actor, query.status) }));
export const fileAccessRequestRoute = apiHandler({ body: fileAccessRequestSchema, answer: accessRequestSchema, status: 201, conflicts: true }, async ({ actor, body }) => ({ status: 201, body: await fileAccessRequestAs(actor, body) }));
export const grantAccessRequestRoute = apiHandler({ path: requestPath, body: decideAccessRequestSchema, answer: accessRequestSchema, conflicts: true }, async ({ actor, path, body }) => ({
  body: await decideAccessRequestAs(actor, path.requestId, true, body.note),
}));
export const declineAccessRequestRoute = apiHandler({ path: requestPath, body: decideAccessRequestSchema, answer: accessRequestSchema, conflicts: true }, async ({ actor, path, body }) => ({
  body: await decideAccessRequestAs(actor, path.requestId, false, body.note),
}));
