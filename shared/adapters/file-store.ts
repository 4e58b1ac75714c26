import { envNames, envOr } from '../config/runtime-env';
import { diskFileStore } from './disk-file-store';
import type { FileStore } from './file-store-interface';
import { s3FileStore } from './s3-file-store';

export { assertFileKey, attachmentDisposition, signedUrlSeconds } from './file-keys';
// The interface lives apart so the two stores implement it without importing the module that picks one.
export type { FileStore, UploadTarget } from './file-store-interface';

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
