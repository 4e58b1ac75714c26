import { attachmentContentTypes, maxAttachmentBytes, type Attachment } from '@shared/domain/attachments/attachment';
import { uploadFile } from '../../api/upload-file';
import { recordUrl, type RecordResource, type RecordsHttp } from '../records-http';

/**
 * Files on a record: announce (`POST …/attachments`), PUT the bytes straight to the file store's
 * presigned URL with exactly the headers it signed (no API token), confirm (`…/complete`).
 */
export interface AttachmentUpload {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt?: string;
}

export { maxAttachmentBytes };

const byExtension: Record<string, (typeof attachmentContentTypes)[number]> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  txt: 'text/plain',
  csv: 'text/csv',
  zip: 'application/zip',
  eml: 'message/rfc822',
};

/** The accepted content type of a file: by its extension first (browsers disagree on CSV and mail), else what the browser says. */
export function attachmentContentType(file: { name: string; type: string }): string | undefined {
  const extension = file.name.toLowerCase().split('.').pop() ?? '';
  const known = byExtension[extension];
  if (known) return known;
  return (attachmentContentTypes as readonly string[]).includes(file.type) ? file.type : undefined;
}

/** For the file input's `accept`. */
export const acceptedFiles = Object.keys(byExtension)
  .map((extension) => `.${extension}`)
  .join(',');

export function attachmentsApi(http: RecordsHttp, resource: RecordResource, id: string) {
  const base = `${recordUrl(resource, id)}/attachments`;
  const one = (attachmentId: string) => `${base}/${encodeURIComponent(attachmentId)}`;
  return {
    list: () => http.get<{ items: Attachment[] }>(base),
    start: (body: { fileName: string; contentType: string; bytes: number }) => http.post<{ attachment: Attachment; upload: AttachmentUpload }>(base, body),
    complete: (attachmentId: string) => http.post<Attachment>(`${one(attachmentId)}/complete`),
    download: (attachmentId: string) => http.get<{ url: string; fileName?: string }>(`${one(attachmentId)}/download`),
    remove: (attachmentId: string) => http.delete(one(attachmentId)),
  };
}

export function putFile(upload: AttachmentUpload, file: Blob, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<void> {
  return uploadFile({ ...upload, expiresAt: upload.expiresAt ?? '' }, file, onProgress, signal);
}

/** Starts the browser's download through a short-lived link. */
export function startDownload(url: string, fileName?: string): void {
  const link = document.createElement('a');
  link.href = url;
  if (fileName) link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}
