import { envNames, envOr } from '../config/runtime-env';
import { diskFileStore } from './disk-file-store';
import { s3FileStore } from './s3-file-store';

export { assertFileKey, attachmentDisposition, signedUrlSeconds } from './file-keys';

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

let current: { config: string; store: FileStore } | undefined;

/**
 * The store the environment names: FILES_BUCKET (S3), else FILES_DIR (disk). One per container
 * (per configuration: a local stack restarted in one process gets its own).
 */
export function fileStore(): FileStore {
  const bucket = envOr('filesBucket', '');
  const dir = envOr('filesDir', '');
  const secret = envOr('filesUrlSecret', '');
  const config = JSON.stringify([bucket, dir, secret]);
  if (current?.config === config) return current.store;
  let store: FileStore;
  if (bucket) store = s3FileStore(bucket);
  else if (dir) store = diskFileStore(dir, { secret, baseUrl: () => envOr('appUrl', '') });
  else throw new Error(`Missing environment variable ${envNames.filesBucket} or ${envNames.filesDir}`);
  current = { config, store };
  return store;
}
