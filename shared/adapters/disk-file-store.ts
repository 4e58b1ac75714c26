import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertFileKey, signedUrlSeconds } from './file-keys';
import type { FileStore } from './file-store-interface';

/**
 * The file store on a laptop: files under a directory, a `<file>.meta.json` beside each with its
 * content type. Signed URLs work as S3's do, served by the local server (infra/local/file-urls.ts):
 * an HMAC over method, key, expiry, content type and length, so a URL cannot be reused for
 * another file, size or type, or after it expired.
 */
export interface SignedFileRequest {
  method: 'PUT' | 'GET';
  key: string;
  expires: number;
  contentType: string;
  /** Exact size for an upload; the download name for a download. */
  bytes?: number;
  fileName?: string;
}

export const filesPathPrefix = '/files/';

export function signFileRequest(secret: string, request: SignedFileRequest): string {
  const payload = [request.method, request.key, request.expires, request.contentType, request.bytes ?? '', request.fileName ?? ''].join('\n');
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function verifyFileRequest(secret: string, request: SignedFileRequest, signature: string, now = Date.now()): 'ok' | 'expired' | 'bad-signature' {
  const expected = Buffer.from(signFileRequest(secret, request));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'bad-signature';
  return request.expires * 1000 < now ? 'expired' : 'ok';
}

export function diskFileStore(root: string, options: { secret: string; baseUrl: () => string }): FileStore {
  if (!options.secret) throw new Error('The disk file store needs a secret to sign its URLs');
  const pathOf = (key: string) => {
    assertFileKey(key);
    return join(root, key);
  };
  const url = (request: SignedFileRequest) => {
    const query = new URLSearchParams({
      expires: String(request.expires),
      ct: request.contentType,
      ...(request.bytes !== undefined ? { len: String(request.bytes) } : {}),
      ...(request.fileName ? { name: request.fileName } : {}),
      sig: signFileRequest(options.secret, request),
    });
    return `${options.baseUrl()}${filesPathPrefix}${request.key}?${query}`;
  };
  const expiry = () => Math.floor(Date.now() / 1000) + signedUrlSeconds;

  const store: FileStore = {
    uploadTarget: async (key, file) => {
      assertFileKey(key);
      const expires = expiry();
      return { url: url({ method: 'PUT', key, expires, contentType: file.contentType, bytes: file.bytes }), method: 'PUT', headers: { 'content-type': file.contentType }, expiresAt: new Date(expires * 1000).toISOString() };
    },
    downloadUrl: async (key, file) => {
      assertFileKey(key);
      return url({ method: 'GET', key, expires: expiry(), contentType: file.contentType, fileName: file.fileName });
    },
    stat: async (key) => {
      try {
        const info = await stat(pathOf(key));
        const meta = await readFile(`${pathOf(key)}.meta.json`, 'utf8').then((text) => JSON.parse(text) as { contentType?: string }, () => ({}) as { contentType?: string });
        return { bytes: info.size, ...(meta.contentType ? { contentType: meta.contentType } : {}) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    read: async (key) => new Uint8Array(await readFile(pathOf(key))),
    write: async (key, body, contentType) => {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, body);
      await writeFile(`${path}.meta.json`, JSON.stringify({ contentType }));
    },
    remove: async (key) => {
      await rm(pathOf(key), { force: true });
      await rm(`${pathOf(key)}.meta.json`, { force: true });
    },
  };
  return store;
}
