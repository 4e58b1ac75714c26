import * as z from 'zod';
import { resourcesOf, type RecordLink, type RecordType } from '../records/record-type';

/**
 * Files on records (REC-2…REC-4): contracts, specifications, scans. The bytes live in the file
 * store (ADR 0010); the record's partition holds one item per attachment, so a record page lists
 * them with one Query and a merge moves them with the timeline.
 */
export const attachmentTypes = ['lead', 'account', 'contact', 'deal'] as const satisfies readonly RecordType[];
export type AttachmentRecordType = (typeof attachmentTypes)[number];

/** The API resource of each type that takes attachments. */
export const attachmentResources = resourcesOf(attachmentTypes);

export const maxAttachmentBytes = 25 * 1024 * 1024;

/** Documents, images, spreadsheets, archives and mail a sale collects; nothing executable. */
export const attachmentContentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'text/plain',
  'text/csv',
  'application/zip',
  'message/rfc822',
] as const;

/** A name safe to show and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - ext.length) + ext;
}

export const startAttachmentSchema = z.strictObject({
  fileName: z
    .string()
    .max(1000)
    .transform(cleanFileName)
    .refine((name) => name.length > 0 && name !== '.' && name !== '..', { message: 'a file name' }),
  contentType: z.enum(attachmentContentTypes, { message: 'a document, image, spreadsheet, archive or email' }),
  bytes: z.number().int().min(1).max(maxAttachmentBytes, { message: `at most ${maxAttachmentBytes / 1024 / 1024} MB` }),
});
export type StartAttachmentInput = z.infer<typeof startAttachmentSchema>;

export interface Attachment {
  id: string;
  record: RecordLink;
  fileName: string;
  contentType: string;
  bytes: number;
  /** `pending` until the browser's upload is confirmed; `removed` stays as the trace of who removed it. */
  status: 'pending' | 'stored' | 'removed';
  fileKey: string;
  createdAt: string;
  createdBy: string;
  storedAt?: string;
  removedAt?: string;
  removedBy?: string;
}

export const attachmentFileKey = (record: RecordLink, id: string): string => `attachments/${record.type}/${record.id}/${id}`;
