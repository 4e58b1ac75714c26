/**
 * Files the CRM keeps: attachments, uploaded imports, written exports (ADR 0010). In the cloud an
 * S3 bucket, on a laptop a directory; one interface. Browsers upload and download straight to and
 * from the store through short-lived signed URLs, so file bytes never pass through a function's
 * 6 MB payload.
 */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  /** Headers the upload must send exactly: the signature covers them. */
  headers: Record<string, string>;
  expiresAt: string;
}

export interface FileStore {
  /** Where the browser PUTs a file directly (presigned; the signature pins content type and length). */
  uploadTarget(key: string, file: { contentType: string; bytes: number }): Promise<UploadTarget>;
  /** A short-lived URL that downloads the file under its original name. */
  downloadUrl(key: string, file: { fileName: string; contentType: string }): Promise<string>;
  stat(key: string): Promise<{ bytes: number; contentType?: string } | undefined>;
  read(key: string): Promise<Uint8Array>;
  write(key: string, body: Uint8Array, contentType: string): Promise<void>;
  remove(key: string): Promise<void>;
}
