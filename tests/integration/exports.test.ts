import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as casesApi } from '../../functions/cases/cases-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as exportsApi } from '../../functions/exports/exports-api';
import { handler as runExportHandler } from '../../functions/exports/run-export';
import { fileStore } from '../../shared/adapters/file-store';
import { putUser } from '../../shared/data/users-repository';
import type { ExportJob } from '../../shared/domain/exports/export-job';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';

/** Export (REC-11) of a list with its filters, to CSV and XLSX, with formulas neutralised. */
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

type Options = Parameters<typeof apiEvent>[0];
const serviceManager: TestUser = { sub: 'user-service-manager', email: 'service@example.com', groups: ['service-manager'] };
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));

async function exported(body: Record<string, unknown>, user: TestUser = rep): Promise<{ job: ExportJob & { url?: string }; bytes: Uint8Array }> {
  const requested = await call<ExportJob>(exportsApi, 'POST /api/exports', { body, user });
  expect(requested.status).toBe(202);
  expect(requested.body.status).toBe('running');
  // The bus delivers ExportRequested to the runner; twice does no harm.
  expect(await runExportHandler({ detail: { exportId: requested.body.id } } as never, {} as never)).toEqual({ outcome: 'done' });
  expect(await runExportHandler({ detail: { exportId: requested.body.id } } as never, {} as never)).toEqual({ outcome: 'stale' });
  const job = (await call<ExportJob & { url?: string }>(exportsApi, 'GET /api/exports/{exportId}', { pathParameters: { exportId: requested.body.id }, user })).body;
  expect(job).toMatchObject({ status: 'done', url: expect.any(String) });
  return { job, bytes: await fileStore().read(job.fileKey!) };
}

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  // The admin hands out the contacts: two to the rep, one to itself.
  const create = (body: object) => call(contactsApi, 'POST /api/contacts', { body, user: admin });
  await create({ lastName: 'Экспортов', firstName: 'Эдуард', phones: [{ kind: 'mobile', number: '+7 912 000-11-22' }], emails: [{ kind: 'work', address: 'export@firm.ru' }], ownerId: rep.sub });
  await create({ lastName: '=HYPERLINK("http://evil.example","жми")', jobTitle: '@SUM(A1:A2)', ownerId: rep.sub });
  await create({ lastName: 'Чужой', ownerId: admin.sub });
});

describe('exporting a list', () => {
  it('writes the filtered list to CSV with a BOM, owners by email, and formulas neutralised', async () => {
    const { job, bytes } = await exported({ recordType: 'contact', format: 'csv', locale: 'ru', filters: { ownerId: rep.sub, sort: 'name' } });
    expect(job).toMatchObject({ rows: 2, truncated: false, fileName: expect.stringMatching(/^Контакты-\d{4}-\d{2}-\d{2}\.csv$/) });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toContain('Фамилия');
    expect(header).toContain('Ответственный');
    expect(lines).toHaveLength(2);
    expect(text).toContain('rep@example.com');
    expect(text).toContain('+7 912 000-11-22');
    expect(text).not.toContain('Чужой');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""жми"")"`);
    expect(text).toContain("'@SUM(A1:A2)");
  });

  it('exports service cases with their status, priority, channel and the account they are under', async () => {
    // Service managers open and export cases; the account is a seller's (the admin's here).
    const account = (await call<{ id: string }>(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Сервис»' }, user: admin })).body;
    const opened = await call(casesApi, 'POST /api/cases', { body: { subject: 'Не печатает счёт', accountId: account.id, priority: 'high', channel: 'email' }, user: serviceManager });
    expect(opened.status).toBe(201);
    const { job, bytes } = await exported({ recordType: 'case', format: 'csv', locale: 'ru', filters: { status: 'new' } }, serviceManager);
    expect(job).toMatchObject({ rows: 1, fileName: expect.stringMatching(/^Обращения-\d{4}-\d{2}-\d{2}\.csv$/) });
    const [header, line] = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(header).toContain('Тема');
    expect(header).toContain('Приоритет');
    expect(header).toContain('Канал');
    expect(line).toContain('Не печатает счёт');
    expect(line).toContain('high');
    expect(line).toContain('email');
    expect(line).toContain(account.id);
  });

  it('writes XLSX with English headers', async () => {
    // The admin's export: every contact, the rep's and its own.
    const { bytes } = await exported({ recordType: 'contact', format: 'xlsx', locale: 'en', filters: {} }, admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as never);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Last name', 'First name', 'Phones', 'Owner']));
    expect(sheet.rowCount).toBe(4);
    const lastNames = sheet.getColumn(headers.indexOf('Last name') + 1).values.slice(2);
    expect(lastNames).toEqual(expect.arrayContaining(['Экспортов', 'Чужой', `'=HYPERLINK("http://evil.example","жми")`]));
  });

  it('refuses bad requests and bad filters with the field named, queueing nothing', async () => {
    const bad = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'planet', format: 'pdf' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['format', 'recordType']);
    const badFilter = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'csv', filters: { colour: 'red' } } });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields[0].path).toBe('filters.colour');
    const badStatus = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'csv', filters: { status: 'sleeping' } } });
    expect(badStatus.status).toBe(400);
    expect((await call(exportsApi, 'GET /api/exports/{exportId}', { pathParameters: { exportId: '01J00000000000000000000000' } })).status).toBe(404);
  });
});
