/**
 * The upload of a file straight to the file store's presigned URL (imports, attachments): no API
 * token travels with it.
 */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

/** The upload failed: `expired` when the store refused the (time-limited) signature. */
export class UploadError extends Error {
  constructor(
    readonly kind: 'network' | 'expired' | 'refused' | 'aborted',
    readonly status = 0,
  ) {
    super(`Upload ${kind}${status ? ` (${status})` : ''}`);
    this.name = 'UploadError';
  }
}

/** Headers the browser sets itself and refuses to be given. */
const browserHeaders = new Set(['content-length', 'host', 'connection']);

/**
 * PUTs the file to the presigned URL with exactly the headers the signature covers, reporting
 * progress (0–100). XMLHttpRequest, because fetch cannot report upload progress.
 */
export function uploadFile(target: UploadTarget, file: Blob, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) {
      if (!browserHeaders.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else {
        const expired = xhr.status === 403 && /expired/i.test(xhr.responseText);
        reject(new UploadError(expired ? 'expired' : 'refused', xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.onabort = () => reject(new UploadError('aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
