import type { IncomingMessage, ServerResponse } from 'node:http';
import { attachmentDisposition } from '../../shared/adapters/file-keys';
import { filesPathPrefix, verifyFileRequest, type SignedFileRequest } from '../../shared/adapters/disk-file-store';
import type { FileStore } from '../../shared/adapters/file-store';
import { readBody } from './read-body';

/**
 * What S3 does for presigned URLs, for the disk file store (ADR 0010): `PUT /files/<key>` stores a
 * file of exactly the signed type and length, `GET /files/<key>` sends it under its signed name.
 * Anything unsigned, tampered with or expired gets S3's 403.
 */
export async function handleFileUrl(req: IncomingMessage, res: ServerResponse, store: FileStore, secret: string): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const key = decodeURIComponent(url.pathname.slice(filesPathPrefix.length));
  const method = req.method === 'PUT' ? 'PUT' : req.method === 'GET' || req.method === 'HEAD' ? 'GET' : undefined;
  const query = url.searchParams;
  const signed: SignedFileRequest | undefined = method && {
    method,
    key,
    expires: Number(query.get('expires')),
    contentType: query.get('ct') ?? '',
    ...(query.has('len') ? { bytes: Number(query.get('len')) } : {}),
    ...(query.has('name') ? { fileName: query.get('name')! } : {}),
  };
  const verdict = signed ? verifyFileRequest(secret, signed, query.get('sig') ?? '') : 'bad-signature';
  if (!signed || verdict !== 'ok') {
    req.resume();
    return answer(res, 403, verdict === 'expired' ? 'Request has expired' : 'SignatureDoesNotMatch');
  }
  // Browsers preflight the cross-origin PUT only when origins differ; locally they do not, but be S3-like.
  const cors = { 'access-control-allow-origin': req.headers.origin ?? '*' };

  if (signed.method === 'PUT') {
    if (req.headers['content-type'] !== signed.contentType) {
      req.resume();
      return answer(res, 403, 'SignatureDoesNotMatch: content-type');
    }
    const body = await readBody(req, signed.bytes ?? 0);
    if (!body || body.length !== signed.bytes) return answer(res, 400, `IncompleteBody: expected ${signed.bytes} bytes`);
    await store.write(key, new Uint8Array(body), signed.contentType);
    res.writeHead(200, { ...cors, etag: `"${body.length}"` });
    res.end();
    return;
  }

  const stat = await store.stat(key);
  if (!stat) return answer(res, 404, 'NoSuchKey');
  const headers = {
    ...cors,
    'content-type': signed.contentType,
    'content-length': String(stat.bytes),
    'cache-control': 'private, no-store',
    ...(signed.fileName ? { 'content-disposition': attachmentDisposition(signed.fileName) } : {}),
  };
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await store.read(key)));
}

function answer(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${message.split(':')[0]}</Code><Message>${message}</Message></Error>`);
}
