import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as attachmentsApi } from '../../functions/attachments/attachments-api';
import { handler as dealsApi } from '../../functions/deals/deals-api';
import { fileStore } from '../../shared/adapters/file-store';
import { putUser } from '../../shared/data/users-repository';
import type { Attachment } from '../../shared/domain/attachments/attachment';
import { admin, apiEvent, invoke } from '../support/api-event';
import { byEntity, recordItems } from '../support/table-items';

/** Files on records: announce, upload straight to the store, confirm; list, download, remove; limits. */
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

type Options = Parameters<typeof apiEvent>[0];
const call = <T = any>(route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(attachmentsApi, apiEvent({ route, ...options }));
const base = 'POST /api/{resource}/{id}/attachments';
const paths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path).sort();

let dealId: string;
const pdf = new TextEncoder().encode('%PDF-1.7 договор поставки');

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  dealId = (await invoke(dealsApi, apiEvent({ route: 'POST /api/deals', body: { title: 'Сделка с файлами' } }))).body.id;
});

describe('attachments', () => {
  it('go from announced to stored only once the upload is there, and show on the timeline once', async () => {
    const at = { pathParameters: { resource: 'deals', id: dealId } };
    const started = await call<{ attachment: Attachment; upload: { url: string; headers: Record<string, string> } }>(base, {
      ...at,
      body: { fileName: 'C:\\Users\\Анна\\Договор №5.pdf', contentType: 'application/pdf', bytes: pdf.length },
    });
    expect(started.status).toBe(201);
    expect(started.body.attachment).toMatchObject({ fileName: 'Договор №5.pdf', status: 'pending', record: { type: 'deal', id: dealId } });
    expect(started.body.upload.headers).toEqual({ 'content-type': 'application/pdf' });
    const id = started.body.attachment.id;
    const one = { pathParameters: { resource: 'deals', id: dealId, attachmentId: id } };

    const early = await call('POST /api/{resource}/{id}/attachments/{attachmentId}/complete', one);
    expect(early.status).toBe(422);
    expect(paths(early)).toEqual(['file']);
    expect((await call('GET /api/{resource}/{id}/attachments', at)).body.items).toEqual([]);

    // The browser's PUT to the signed URL (the local server's part is covered by the file store's own tests).
    await fileStore().write(started.body.attachment.fileKey, pdf, 'application/pdf');
    const done = await call<Attachment>('POST /api/{resource}/{id}/attachments/{attachmentId}/complete', one);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'stored', storedAt: expect.any(String) });
    expect((await call<Attachment>('POST /api/{resource}/{id}/attachments/{attachmentId}/complete', one)).body.status).toBe('stored');

    const listed = await call<{ items: Attachment[] }>('GET /api/{resource}/{id}/attachments', at);
    expect(listed.body.items.map((a) => a.fileName)).toEqual(['Договор №5.pdf']);
    const download = await call<{ url: string }>('GET /api/{resource}/{id}/attachments/{attachmentId}/download', one);
    expect(download.body.url).toContain(`/files/${started.body.attachment.fileKey}?`);
    const timeline = (await invoke(dealsApi, apiEvent({ route: 'GET /api/deals/{id}/timeline', pathParameters: { id: dealId } }))).body.items;
    expect(timeline.filter((e: { kind: string }) => e.kind === 'attachment')).toEqual([expect.objectContaining({ data: expect.objectContaining({ action: 'added', fileName: 'Договор №5.pdf' }) })]);
    const events = byEntity(await recordItems(), 'HISTORY').flatMap((h) => (h.events as { type: string }[] | undefined) ?? []);
    expect(events.filter((e) => e.type === 'AttachmentAdded')).toHaveLength(1);

    expect((await call('DELETE /api/{resource}/{id}/attachments/{attachmentId}', one)).status).toBe(204);
    expect((await call('DELETE /api/{resource}/{id}/attachments/{attachmentId}', one)).status).toBe(404);
    expect((await call('GET /api/{resource}/{id}/attachments', at)).body.items).toEqual([]);
    expect(await fileStore().stat(started.body.attachment.fileKey)).toBeUndefined();
    expect((await call('GET /api/{resource}/{id}/attachments/{attachmentId}/download', one)).status).toBe(404);
  });

  it('refuses a file too big, of a forbidden type or without a name, an unknown record or resource, changing nothing', async () => {
    const before = (await recordItems()).length;
    const bad = await call(base, { pathParameters: { resource: 'deals', id: dealId }, body: { fileName: '  ', contentType: 'application/x-msdownload', bytes: 26 * 1024 * 1024 } });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['bytes', 'contentType', 'fileName']);
    const unknown = await call(base, { pathParameters: { resource: 'deals', id: '01J00000000000000000000000' }, body: { fileName: 'a.pdf', contentType: 'application/pdf', bytes: 10 } });
    expect(unknown.status).toBe(404);
    const resource = await call(base, { pathParameters: { resource: 'planets', id: dealId }, body: { fileName: 'a.pdf', contentType: 'application/pdf', bytes: 10 } });
    expect(resource.status).toBe(400);
    expect(paths(resource)).toEqual(['path.resource']);
    expect((await recordItems()).length).toBe(before);
  });

  it('refuses a confirmation when the upload is not the announced size', async () => {
    const started = (await call<{ attachment: Attachment }>(base, { pathParameters: { resource: 'deals', id: dealId }, body: { fileName: 'скан.png', contentType: 'image/png', bytes: 100 } })).body.attachment;
    await fileStore().write(started.fileKey, new Uint8Array(50), 'image/png');
    const res = await call('POST /api/{resource}/{id}/attachments/{attachmentId}/complete', { pathParameters: { resource: 'deals', id: dealId, attachmentId: started.id } });
    expect(res.status).toBe(422);
    expect(paths(res)).toEqual(['bytes']);
  });
});
