import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as casesApi } from '../../functions/cases/cases-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as exportsApi } from '../../functions/exports/exports-api';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { handler as runExportHandler } from '../../functions/exports/run-export';
import { fileStore } from '../../shared/adapters/file-store';
import { putUser } from '../../shared/data/users-repository';
import type { ExportJob } from '../../shared/domain/exports/export-job';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { busEvent, deliver } from '../support/bus-events';
import { asStored, cp1251, importBack, importedOf, trickyContact, trickyLead } from '../support/round-trip';
import { allItems, byEntity } from '../support/table-items';

/** Export (REC-11) of a list with its filters, to CSV (three dialects, text neutralised) and typed XLSX, and imported back as it was. */
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

type Options = Parameters<typeof apiEvent>[0];
const serviceManager: TestUser = { sub: 'user-service-manager', email: 'service@example.com', groups: ['service-manager'] };
/** Every call names its user: the exporter's list is what that user sees. */
const call = <T = any>(api: unknown, route: string, options: Omit<Options, 'route'> & { user: TestUser }) => invoke<T>(api, apiEvent({ route, ...options }));

async function exported(body: Record<string, unknown>, user: TestUser): Promise<{ job: ExportJob & { url?: string }; bytes: Uint8Array }> {
  const requested = await call<ExportJob>(exportsApi, 'POST /api/exports', { body, user });
  expect(requested.status).toBe(202);
  expect(requested.body.status).toBe('running');
  // The bus delivers ExportRequested to the runner; twice does no harm, nor does the request announced again under a new id.
  const event = busEvent('ExportRequested', { exportId: requested.body.id });
  expect(await deliver(runExportHandler, event)).toEqual({ outcome: 'done' });
  expect(await deliver(runExportHandler, event)).toEqual({ outcome: 'done' });
  expect(await deliver(runExportHandler, busEvent('ExportRequested', { exportId: requested.body.id }))).toEqual({ outcome: 'stale' });
  const job = (await call<ExportJob & { url?: string }>(exportsApi, 'GET /api/exports/{exportId}', { pathParameters: { exportId: requested.body.id }, user })).body;
  expect(job).toMatchObject({ status: 'done', url: expect.any(String) });
  return { job, bytes: await fileStore().read(job.fileKey!) };
}

const loadSheet = async (bytes: Uint8Array) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book.worksheets[0]!;
};

/** The rep's own records, as the API stored them, for comparing with what comes back from a file. */
const repContacts: Record<string, unknown>[] = [];
const repLeads: Record<string, unknown>[] = [];

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  const contact = async (body: object, user: TestUser) => {
    const created = await call<Record<string, unknown>>(contactsApi, 'POST /api/contacts', { body, user });
    expect(created.status).toBe(201);
    return created.body;
  };
  repContacts.push(
    await contact({ lastName: 'Экспортов', firstName: 'Эдуард', phones: [{ kind: 'mobile', number: '+7 912 000-11-22' }], emails: [{ kind: 'work', address: 'export@firm.ru' }] }, rep),
    await contact({ lastName: '=HYPERLINK("http://evil.example","жми")', jobTitle: '@SUM(A1:A2)' }, rep),
    await contact(trickyContact, rep),
  );
  await contact({ lastName: 'Чужой', ownerId: admin.sub }, admin);
  const lead = await call<Record<string, unknown>>(leadsApi, 'POST /api/leads', {
    body: trickyLead,
    user: rep,
  });
  expect(lead.status).toBe(201);
  repLeads.push(lead.body);
});

describe('exporting a list', () => {
  it('writes the filtered list to plain UTF-8 CSV by default: no BOM, commas, owners by email, formulas neutralised', async () => {
    // The admin's export of the rep's contacts, by the list's owner filter.
    const { job, bytes } = await exported({ recordType: 'contact', format: 'csv', locale: 'ru', filters: { ownerId: rep.sub, sort: 'name' } }, admin);
    expect(job).toMatchObject({ rows: 3, truncated: false, csvDialect: 'plain', fileName: expect.stringMatching(/^Контакты-\d{4}-\d{2}-\d{2}\.csv$/) });
    expect(job.encodingLoss).toBeUndefined();
    expect(bytes[0]).not.toBe(0xef);
    expect(await fileStore().stat(job.fileKey!)).toMatchObject({ contentType: 'text/csv; charset=utf-8' });
    const text = new TextDecoder().decode(bytes);
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['Фамилия', 'Мобильный телефон', 'Ответственный']));
    expect(lines).toHaveLength(3);
    expect(text).toContain('rep@example.com');
    expect(text).not.toContain('Чужой');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""жми"")"`);
    expect(text).toContain("'@SUM(A1:A2)");
    expect(text).toContain("'-2+3");
  });

  it('writes CSV "for Excel": UTF-8 with a BOM, semicolons, a decimal comma', async () => {
    const { job, bytes } = await exported({ recordType: 'lead', format: 'csv', csvDialect: 'excel', locale: 'ru', filters: {} }, rep);
    expect(job).toMatchObject({ rows: 1, csvDialect: 'excel' });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, line] = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(header!.split(';')).toEqual(expect.arrayContaining(['Фамилия', 'Бюджет', 'Бюджет: Валюта']));
    expect(line!.split(';')).toEqual(expect.arrayContaining(["'=SUM(A1)", '5000,5', 'KZT']));
  });

  it('writes Windows-1251 CSV only when asked, and the job names what it could not hold', async () => {
    const { job, bytes } = await exported({ recordType: 'contact', format: 'csv', csvDialect: 'windows-1251', locale: 'ru', filters: {} }, rep);
    expect(job).toMatchObject({ rows: 3, csvDialect: 'windows-1251' });
    expect(job.encodingLoss).toEqual({
      encoding: 'windows-1251',
      // The bio and the home address's country (Қазақстан).
      cells: 2,
      characters: [
        { character: 'Қ', cells: 2 },
        { character: 'қ', cells: 1 },
        { character: 'Ә', cells: 1 },
        { character: '₸', cells: 1 },
      ],
    });
    expect(await fileStore().stat(job.fileKey!)).toMatchObject({ contentType: 'text/csv; charset=windows-1251' });
    expect(iconv.decode(Buffer.from(bytes), 'win1251')).toContain(';?лия ?асымова, 5 000 ?;');
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

  it('writes XLSX with English headers and typed cells: text exactly as stored, no apostrophes, dates as dates', async () => {
    // The admin's export: every contact, the rep's and its own.
    const { job, bytes } = await exported({ recordType: 'contact', format: 'xlsx', locale: 'en', filters: {} }, admin);
    expect(job.csvDialect).toBeUndefined();
    expect(await fileStore().stat(job.fileKey!)).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const sheet = await loadSheet(bytes);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['Last name', 'First name', 'Mobile phone', 'Owner', 'Created (UTC)']));
    expect(sheet.rowCount).toBe(5);
    const column = (header: string) => sheet.getColumn(headers.indexOf(header) + 1);
    expect(column('Last name').values.slice(2)).toEqual(expect.arrayContaining(['Экспортов', 'Чужой', '=HYPERLINK("http://evil.example","жми")', '=SUM(A1)']));
    const row = sheet.getRow(column('Last name').values.indexOf('=SUM(A1)'));
    const cell = (header: string) => row.getCell(headers.indexOf(header) + 1);
    expect(cell('Last name').type).toBe(ExcelJS.ValueType.String);
    expect(cell('Job title').value).toBe('-2+3');
    expect(cell('Department').value).toBe('+7 912 345-67-89');
    expect(cell('Middle name').value).toBe("'=x");
    expect(cell('Birth date').type).toBe(ExcelJS.ValueType.Date);
    expect(cell('Birth date').value).toEqual(new Date(Date.UTC(1990, 2, 8)));
    expect(cell('Created (UTC)').value).toEqual(new Date(String(repContacts[2]!.createdAt)));
    expect(cell('Email opt-out').value).toBe(true);
  });

  it('gives back, imported again, the values it exported: every CSV dialect and XLSX (contacts and leads)', async () => {
    const contactFields = ['lastName', 'firstName', 'middleName', 'jobTitle', 'department', 'bio', 'birthDate', 'phones', 'emails', 'addresses', 'status', 'emailOptOut'];
    const leadFields = ['lastName', 'firstName', 'company', 'jobTitle', 'email', 'phone', 'topic', 'message', 'budget'];
    const byName = (list: Record<string, unknown>[]) => [...list].sort((a, b) => String(a.lastName).localeCompare(String(b.lastName)));
    for (const format of ['plain', 'excel', 'windows-1251', 'xlsx'] as const) {
      for (const [type, records, fields] of [
        ['contact', repContacts, contactFields],
        ['lead', repLeads, leadFields],
      ] as const) {
        const request = format === 'xlsx' ? { format } : { format: 'csv', csvDialect: format };
        const { job, bytes } = await exported({ recordType: type, locale: 'ru', filters: {}, ...request }, rep);
        const file = await importBack(type, bytes, job.fileName!);
        expect(file.rows.map((row) => row.issues)).toEqual(records.map(() => []));
        const expected = records.map((record) => importedOf(type, record, fields));
        expect(byName(file.rows.map((row) => asStored(type, row.input)))).toEqual(byName((format === 'windows-1251' ? cp1251(expected) : expected).map((input) => asStored(type, input))));
        // Each comes back to its owner, by the email the export wrote.
        expect(file.rows.map((row) => row.links.ownerEmail)).toEqual(records.map(() => rep.email));
      }
    }
  });

  it("names a contact's company when the exporter may see it, and imported back links it by that name; another seller's company stays an id", async () => {
    const account = async (name: string, user: TestUser) => (await call<{ id: string }>(accountsApi, 'POST /api/accounts', { body: { name }, user })).body.id;
    const own = await account('ООО «Своя»', rep);
    const others = await account('ООО «Чужая»', admin);
    // The admin hangs a contact of the rep's on the admin's account: the rep sees the contact, not the account.
    for (const [lastName, accountId, user] of [['Свойский', own, rep], ['Чужаков', others, admin]] as const) {
      expect((await call(contactsApi, 'POST /api/contacts', { body: { lastName, accountId, ownerId: rep.sub }, user })).status).toBe(201);
    }
    const { job, bytes } = await exported({ recordType: 'contact', format: 'xlsx', locale: 'ru', filters: {} }, rep);
    const file = await importBack('contact', bytes, job.fileName!);
    const byLastName = new Map(file.rows.map((row) => [row.input.lastName, row]));
    expect(byLastName.get('Свойский')!.links).toEqual({ accountName: 'ООО «Своя»', ownerEmail: rep.email });
    expect(byLastName.get('Чужаков')!.links).toEqual({ ownerEmail: rep.email });
    const sheet = await loadSheet(bytes);
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(sheet.getColumn(headers.indexOf('Фамилия') + 1).values.indexOf('Чужаков'));
    expect(row.getCell(headers.indexOf('ID компании') + 1).value).toBe(others);
    expect(row.getCell(headers.indexOf('Компания') + 1).value).toBeNull();
  });

  it('refuses bad requests and bad filters with the field named, queueing nothing', async () => {
    const before = byEntity(await allItems(), 'EXPORT').length;
    const bad = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'planet', format: 'pdf' }, user: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['format', 'recordType']);
    const badDialect = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'csv', csvDialect: 'utf-16' }, user: admin });
    expect(badDialect.status).toBe(400);
    expect(badDialect.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['csvDialect']);
    const dialectOfXlsx = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'xlsx', csvDialect: 'excel' }, user: admin });
    expect(dialectOfXlsx.status).toBe(400);
    expect(dialectOfXlsx.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['csvDialect']);
    const badFilter = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'csv', filters: { colour: 'red' } }, user: admin });
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.error.fields[0].path).toBe('filters.colour');
    const badStatus = await call(exportsApi, 'POST /api/exports', { body: { recordType: 'contact', format: 'csv', filters: { status: 'sleeping' } }, user: admin });
    expect(badStatus.status).toBe(400);
    expect(byEntity(await allItems(), 'EXPORT')).toHaveLength(before);
    expect((await call(exportsApi, 'GET /api/exports/{exportId}', { pathParameters: { exportId: '01J00000000000000000000000' }, user: admin })).status).toBe(404);
  });
});
