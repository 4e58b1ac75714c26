import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, HeadObjectCommand, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleFileUrl } from '../../../infra/local/file-urls';
import { diskFileStore, signFileRequest, verifyFileRequest } from '../../../shared/adapters/disk-file-store';
import { assertFileKey, attachmentDisposition } from '../../../shared/adapters/file-keys';
import { s3FileStore } from '../../../shared/adapters/s3-file-store';

/** The file store (ADR 0010): keys, the S3 store's requests and presigned URLs, the disk store and its signed local URLs. */
describe('file keys', () => {
  it('take the app\'s own shapes and refuse traversal and odd characters', () => {
    for (const key of ['attachments/contact/01J/abc.pdf', 'imports/01J/source', 'exports/01J.xlsx']) expect(() => assertFileKey(key)).not.toThrow();
    for (const key of ['', '../etc/passwd', 'imports/../secret', '/abs', 'a//b', 'with space', 'дом/файл', 'x'.repeat(513)]) expect(() => assertFileKey(key)).toThrow();
  });

  it('download under the original name, Cyrillic included', () => {
    expect(attachmentDisposition('Договор №5.pdf')).toBe(`attachment; filename="_______ _5.pdf"; filename*=UTF-8''%D0%94%D0%BE%D0%B3%D0%BE%D0%B2%D0%BE%D1%80%20%E2%84%965.pdf`);
  });
});

describe('the S3 store', () => {
  const s3 = mockClient(S3Client);
  const store = s3FileStore('crm-files', new S3Client({ region: 'eu-central-1', credentials: { accessKeyId: 'AKIA', secretAccessKey: 'secret' } }));

  it('presigns uploads with the type and length signed, and downloads under the file name', async () => {
    const upload = await store.uploadTarget('imports/01J/source', { contentType: 'text/csv', bytes: 1234 });
    expect(upload.method).toBe('PUT');
    expect(upload.headers).toEqual({ 'content-type': 'text/csv' });
    const url = new URL(upload.url);
    expect(url.pathname).toBe('/imports/01J/source');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect(Number(url.searchParams.get('X-Amz-Expires'))).toBe(900);
    const download = new URL(await store.downloadUrl('exports/01J.csv', { fileName: 'Контакты.csv', contentType: 'text/csv' }));
    expect(download.searchParams.get('response-content-disposition')).toContain(`filename*=UTF-8''%D0%9A`);
  });

  it('stats, reads and writes objects; a missing object is undefined', async () => {
    s3.on(HeadObjectCommand, { Key: 'exports/a.csv' }).resolves({ ContentLength: 10, ContentType: 'text/csv' });
    s3.on(HeadObjectCommand, { Key: 'exports/missing.csv' }).rejects(new NotFound({ message: 'Not Found', $metadata: {} }));
    expect(await store.stat('exports/a.csv')).toEqual({ bytes: 10, contentType: 'text/csv' });
    expect(await store.stat('exports/missing.csv')).toBeUndefined();
    await store.write('exports/b.csv', new Uint8Array([1, 2]), 'text/csv');
    expect(s3.commandCalls(PutObjectCommand)[0]!.args[0].input).toMatchObject({ Bucket: 'crm-files', Key: 'exports/b.csv', ContentType: 'text/csv' });
    s3.on(GetObjectCommand).resolves({ Body: { transformToByteArray: async () => new Uint8Array([7]) } as never });
    expect(await store.read('exports/b.csv')).toEqual(new Uint8Array([7]));
    await expect(store.read('../x')).rejects.toThrow('Invalid file key');
  });
});

describe('the disk store and its signed local URLs', () => {
  const secret = 'local-secret';
  let base = '';
  const store = diskFileStore(mkdtempSync(join(tmpdir(), 'crm-files-')), { secret, baseUrl: () => base });
  const server = createServer((req, res) => void handleFileUrl(req, res, store, secret));

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const body = new TextEncoder().encode('Фамилия\nИванов\n');

  it('takes an upload of exactly the signed type and length, then serves it under its name', async () => {
    const target = await store.uploadTarget('imports/01J/source', { contentType: 'text/csv', bytes: body.length });
    expect((await fetch(target.url, { method: 'PUT', headers: { 'content-type': 'text/plain' }, body })).status).toBe(403);
    expect((await fetch(target.url, { method: 'PUT', headers: target.headers, body: body.slice(0, 5) })).status).toBe(400);
    expect(await store.stat('imports/01J/source')).toBeUndefined();
    expect((await fetch(target.url, { method: 'PUT', headers: target.headers, body })).status).toBe(200);
    expect(await store.stat('imports/01J/source')).toEqual({ bytes: body.length, contentType: 'text/csv' });

    const download = await fetch(await store.downloadUrl('imports/01J/source', { fileName: 'Контакты.csv', contentType: 'text/csv' }));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''%D0%9A`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(body);
  });

  it('refuses a tampered or expired URL', async () => {
    const target = new URL((await store.uploadTarget('imports/01J/other', { contentType: 'text/csv', bytes: body.length })).url);
    target.searchParams.set('len', String(body.length + 1));
    expect((await fetch(target, { method: 'PUT', headers: { 'content-type': 'text/csv' }, body })).status).toBe(403);
    const past = { method: 'GET' as const, key: 'imports/01J/source', expires: Math.floor(Date.now() / 1000) - 1, contentType: 'text/csv' };
    expect(verifyFileRequest(secret, past, signFileRequest(secret, past))).toBe('expired');
    expect(verifyFileRequest(secret, past, signFileRequest('other', past))).toBe('bad-signature');
    await store.remove('imports/01J/source');
    expect(await store.stat('imports/01J/source')).toBeUndefined();
  });
});
