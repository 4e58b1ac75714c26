import * as z from 'zod';
import { attachmentResources, startAttachmentSchema } from '../../shared/domain/attachments/attachment';
import { recordIdSchema } from '../../shared/domain/common/values';
import {
  attachmentDownload,
  completeAttachmentAs,
  listAttachmentsOf,
  removeAttachmentAs,
  startAttachmentAs,
} from '../../shared/services/attachment-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Files on leads, accounts, contacts and deals: one set of routes under `/api/{resource}/{id}/attachments`. */
const recordPath = z
  .object({ resource: z.enum(Object.keys(attachmentResources) as [keyof typeof attachmentResources], { message: 'one of leads, accounts, contacts, deals' }), id: recordIdSchema })
  .transform(({ resource, id }) => ({ type: attachmentResources[resource], id }));
const attachmentPath = z
  .object({ resource: z.enum(Object.keys(attachmentResources) as [keyof typeof attachmentResources], { message: 'one of leads, accounts, contacts, deals' }), id: recordIdSchema, attachmentId: recordIdSchema })
  .transform(({ resource, id, attachmentId }) => ({ ref: { type: attachmentResources[resource], id }, attachmentId }));

const base = '/api/{resource}/{id}/attachments';

export const handler = apiRouter({
  [`GET ${base}`]: apiHandler({ path: recordPath }, async ({ actor, path }) => ({ body: await listAttachmentsOf(actor, path) })),
  [`POST ${base}`]: apiHandler({ path: recordPath, body: startAttachmentSchema }, async ({ actor, path, body }) => ({ status: 201, body: await startAttachmentAs(actor, path, body) })),
  [`POST ${base}/{attachmentId}/complete`]: apiHandler({ path: attachmentPath }, async ({ actor, path }) => ({ body: await completeAttachmentAs(actor, path.ref, path.attachmentId) })),
  [`GET ${base}/{attachmentId}/download`]: apiHandler({ path: attachmentPath }, async ({ actor, path }) => ({ body: await attachmentDownload(actor, path.ref, path.attachmentId) })),
  [`DELETE ${base}/{attachmentId}`]: apiHandler({ path: attachmentPath }, async ({ actor, path }) => {
    await removeAttachmentAs(actor, path.ref, path.attachmentId);
    return { status: 204, body: undefined };
  }),
});
