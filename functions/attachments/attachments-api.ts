import * as z from 'zod';
import { itemsOf, uploadTargetSchema } from '../../shared/api/contracts';
import { attachmentResources, startAttachmentSchema, type Attachment } from '../../shared/domain/attachments/attachment';
import { recordTypes } from '../../shared/domain/records/record-type';
import { recordIdSchema } from '../../shared/domain/common/values';
import {
  attachmentDownload,
  completeAttachmentAs,
  listAttachmentsOf,
  removeAttachmentAs,
  startAttachmentAs,
} from '../../shared/services/attachment-service';
import { apiHandler, noContent } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Files on leads, accounts, contacts and deals: one set of routes under `/api/{resource}/{id}/attachments`. */
const recordPath = z
  .object({ resource: z.enum(Object.keys(attachmentResources) as [keyof typeof attachmentResources], { message: 'one of leads, accounts, contacts, deals' }), id: recordIdSchema })
  .transform(({ resource, id }) => ({ type: attachmentResources[resource], id }));
const attachmentPath = z
  .object({ resource: z.enum(Object.keys(attachmentResources) as [keyof typeof attachmentResources], { message: 'one of leads, accounts, contacts, deals' }), id: recordIdSchema, attachmentId: recordIdSchema })
  .transform(({ resource, id, attachmentId }) => ({ ref: { type: attachmentResources[resource], id }, attachmentId }));

const base = '/api/{resource}/{id}/attachments';

const attachmentAnswer = z
  .object({
    id: z.string(),
    record: z.object({ type: z.enum(recordTypes), id: z.string() }),
    fileName: z.string(),
    contentType: z.string(),
    bytes: z.number().int(),
    /** `pending` until the browser's upload is confirmed; `removed` stays as the trace of who removed it. */
    status: z.enum(['pending', 'stored', 'removed']),
    fileKey: z.string(),
    createdAt: z.string(),
    createdBy: z.string(),
    storedAt: z.string().optional(),
    removedAt: z.string().optional(),
    removedBy: z.string().optional(),
  })
  .meta({ title: 'Attachment' }) satisfies z.ZodType<Attachment>;

export const handler = apiRouter({
  [`GET ${base}`]: apiHandler({ path: recordPath, answer: itemsOf(attachmentAnswer) }, async ({ actor, path }) => ({ body: await listAttachmentsOf(actor, path) })),
  [`POST ${base}`]: apiHandler({ path: recordPath, body: startAttachmentSchema, answer: z.object({ attachment: attachmentAnswer, upload: uploadTargetSchema }), status: 201 }, async ({ actor, path, body }) => ({ status: 201, body: await startAttachmentAs(actor, path, body) })),
  [`POST ${base}/{attachmentId}/complete`]: apiHandler({ path: attachmentPath, answer: attachmentAnswer }, async ({ actor, path }) => ({ body: await completeAttachmentAs(actor, path.ref, path.attachmentId) })),
  [`GET ${base}/{attachmentId}/download`]: apiHandler({ path: attachmentPath, answer: z.object({ url: z.string(), fileName: z.string() }) }, async ({ actor, path }) => ({ body: await attachmentDownload(actor, path.ref, path.attachmentId) })),
  [`DELETE ${base}/{attachmentId}`]: apiHandler({ path: attachmentPath, answer: noContent, status: 204 }, async ({ actor, path }) => {
    await removeAttachmentAs(actor, path.ref, path.attachmentId);
    return { status: 204, body: undefined };
  }),
});
