import { fileStore, type UploadTarget } from '../adapters/file-store';
import { getAttachment, listAttachments, saveAttachment } from '../data/attachments-repository';
import { ConditionFailed } from '../data/change-set';
import type { Actor } from '../domain/common/actor';
import { entry, event, type CommandContext } from '../domain/common/change';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, notFound } from '../domain/common/errors';
import { attachmentFileKey, type Attachment, type AttachmentRecordType, type StartAttachmentInput } from '../domain/attachments/attachment';
import type { RecordLink } from '../domain/records/record-type';
import { assertInSight, assertSeesRecord } from './visibility-service';

/**
 * Attachments: the browser announces a file and gets an upload URL, uploads the bytes straight to
 * the file store, then confirms; only a confirmed upload of the announced size and type shows on
 * the record and its timeline (ADR 0010).
 */
type Ref = RecordLink & { type: AttachmentRecordType };

const contextOf = (actor: Actor, clock: Clock): CommandContext => {
  const now = clock.now();
  return { actor, now, newId: () => newId(now) };
};

const unprocessable = (path: string, message: string) => new DomainError('unprocessable', `${path}: ${message}`, { fields: [{ path, message, code: 'invalid_state' }] });


async function readAttachment(ref: Ref, id: string): Promise<Attachment> {
  const attachment = await getAttachment(ref, id);
  if (!attachment || attachment.status === 'removed') throw notFound('Attachment');
  return attachment;
}

export async function startAttachmentAs(actor: Actor, ref: Ref, input: StartAttachmentInput, clock: Clock = systemClock): Promise<{ attachment: Attachment; upload: UploadTarget }> {
  await assertSeesRecord(actor, ref, 'update');
  const ctx = contextOf(actor, clock);
  const id = ctx.newId();
  const attachment: Attachment = {
    id,
    record: { type: ref.type, id: ref.id },
    fileName: input.fileName,
    contentType: input.contentType,
    bytes: input.bytes,
    status: 'pending',
    fileKey: attachmentFileKey(ref, id),
    createdAt: ctx.now.toISOString(),
    createdBy: actor.id,
  };
  const upload = await fileStore().uploadTarget(attachment.fileKey, { contentType: attachment.contentType, bytes: attachment.bytes });
  await saveAttachment(attachment, { expression: 'attribute_not_exists(pk)' });
  return { attachment, upload };
}

/** The upload is there, of the announced size: the file joins the record and its timeline, once. */
export async function completeAttachmentAs(actor: Actor, ref: Ref, id: string, clock: Clock = systemClock): Promise<Attachment> {
  await assertInSight(actor, ref, 'update');
  const attachment = await readAttachment(ref, id);
  if (attachment.status === 'stored') return attachment;
  const stored = await fileStore().stat(attachment.fileKey);
  if (!stored) throw unprocessable('file', 'the file has not been uploaded');
  if (stored.bytes !== attachment.bytes) throw unprocessable('bytes', `the upload has ${stored.bytes} bytes, not the ${attachment.bytes} announced`);
  const ctx = contextOf(actor, clock);
  const done: Attachment = { ...attachment, status: 'stored', storedAt: ctx.now.toISOString() };
  try {
    await saveAttachment(
      done,
      { expression: '#status = :pending', names: { '#status': 'status' }, values: { ':pending': 'pending' } },
      entry(ctx, 'attachment', { data: { action: 'added', attachmentId: id, fileName: done.fileName, bytes: done.bytes, contentType: done.contentType } }),
      [event(ctx, 'AttachmentAdded', { record: done.record, attachmentId: id, fileName: done.fileName, bytes: done.bytes, actorId: actor.id })],
    );
  } catch (error) {
    // Confirmed twice at once: the other confirmation recorded it.
    if (error instanceof ConditionFailed) return readAttachment(ref, id);
    throw error;
  }
  return done;
}

export async function listAttachmentsOf(actor: Actor, ref: Ref): Promise<{ items: Attachment[] }> {
  const checked = await assertInSight(actor, ref, 'read');
  const items = await listAttachments(ref);
  if (items.length === 0 && !checked) await assertSeesRecord(actor, ref, 'read');
  return { items };
}

export async function attachmentDownload(actor: Actor, ref: Ref, id: string): Promise<{ url: string; fileName: string }> {
  await assertInSight(actor, ref, 'read');
  const attachment = await readAttachment(ref, id);
  if (attachment.status !== 'stored') throw notFound('Attachment');
  return { url: await fileStore().downloadUrl(attachment.fileKey, { fileName: attachment.fileName, contentType: attachment.contentType }), fileName: attachment.fileName };
}

/** Removes the file from the record (the timeline keeps the trace) and from the store. */
export async function removeAttachmentAs(actor: Actor, ref: Ref, id: string, clock: Clock = systemClock): Promise<void> {
  await assertInSight(actor, ref, 'update');
  const attachment = await readAttachment(ref, id);
  const ctx = contextOf(actor, clock);
  const wasStored = attachment.status === 'stored';
  try {
    await saveAttachment(
      { ...attachment, status: 'removed', removedAt: ctx.now.toISOString(), removedBy: actor.id },
      { expression: '#status = :status', names: { '#status': 'status' }, values: { ':status': attachment.status } },
      wasStored ? entry(ctx, 'attachment', { data: { action: 'removed', attachmentId: id, fileName: attachment.fileName } }) : undefined,
      wasStored ? [event(ctx, 'AttachmentRemoved', { record: attachment.record, attachmentId: id, fileName: attachment.fileName, actorId: actor.id })] : [],
    );
  } catch (error) {
    if (error instanceof ConditionFailed) throw notFound('Attachment');
    throw error;
  }
  await fileStore().remove(attachment.fileKey);
}
