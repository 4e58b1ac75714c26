import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as contactsApi } from '../../functions/contacts/contacts-api';
import { handler as customFieldsApi } from '../../functions/custom-fields/custom-fields-api';
import { handler as formsApi } from '../../functions/forms/forms-api';
import { handler as submit } from '../../functions/forms/submit-form';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { putUser } from '../../shared/data/users-repository';
import type { Lead } from '../../shared/domain/leads/lead';
import { apiEvent, invoke, type TestUser } from '../support/api-event';
import { allItems, byEntity, recordItems } from '../support/table-items';

/**
 * Public input stays data (issue 12, sections 4 and 5): reserved keys are refused by name, what a
 * form posts never overwrites what the CRM records about it, every URL field takes web addresses
 * only, and a Windows-1251 page's post reads as it was typed.
 */
const admin: TestUser = { sub: 'input-admin', email: 'admin@input.test', groups: ['admin'] };
const rep: TestUser = { sub: 'input-rep', email: 'rep@input.test', groups: ['sales-rep'] };
type Options = Omit<Parameters<typeof apiEvent>[0], 'route'> & { user: TestUser };
const call = <T = any>(api: unknown, route: string, options: Options) => invoke<T>(api, apiEvent({ route, ...options }));
const paths = (res: { body: { error?: { fields?: { path: string }[] } } }) => (res.body.error?.fields ?? []).map((f) => f.path);

const site = 'https://okna.example';
const form = {
  id: 'public',
  name: 'Заявка',
  allowedOrigins: [site],
  thankYouUrl: `${site}/spasibo`,
  consent: { field: 'agree', text: 'Согласен на обработку персональных данных' },
  ownerIds: [rep.sub],
  requiredFields: ['email', 'fullName'],
  rateLimitPerMinute: 1000,
};

/** A browser's post: the bytes as sent, with the headers a page would send. */
const post = (body: Buffer, type: string, accept = 'text/html') =>
  invoke(
    submit,
    apiEvent({
      method: 'POST',
      path: `/api/forms/${form.id}/submissions`,
      user: null,
      pathParameters: { formId: form.id },
      rawBody: body.toString('base64'),
      isBase64Encoded: true,
      headers: { 'content-type': type, origin: site, accept },
    }),
  );
const urlencoded = (fields: Record<string, string>) => post(Buffer.from(new URLSearchParams(fields).toString()), 'application/x-www-form-urlencoded');

const leadByEmail = async (email: string) => (byEntity(await recordItems(), 'LEAD') as unknown as Lead[]).find((lead) => lead.email === email);
const timelineOf = async (leadId: string) => (await call(leadsApi, 'GET /api/leads/{leadId}/timeline', { user: rep, pathParameters: { leadId } })).body.items as { kind: string; data?: Record<string, unknown> }[];

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  expect((await call(formsApi, 'POST /api/forms', { user: admin, body: form })).status).toBe(201);
});

describe('custom values', () => {
  const raw = (custom: string) => `{"lastName":"Прототипов","email":"proto@input.test","custom":${custom}}`;

  it.each(['__proto__', 'constructor', 'prototype', 'noSuchField'])('refuses the key %s by name on create and update, and writes nothing', async (key) => {
    const before = (await allItems()).length;
    const created = await call(leadsApi, 'POST /api/leads', { user: rep, rawBody: raw(`{"${key}":{"isAdmin":true}}`), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(400);
    expect(paths(created)).toEqual([`custom.${key}`]);
    const account = await call(accountsApi, 'POST /api/accounts', { user: rep, rawBody: `{"name":"ООО «Прото»","custom":{"${key}":1}}`, headers: { 'content-type': 'application/json' } });
    expect(account.status).toBe(400);
    expect(paths(account)).toEqual([`custom.${key}`]);
    expect((await allItems()).length).toBe(before);
  });

  it('refuses a field definition under a reserved key', async () => {
    for (const key of ['constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      const res = await call(customFieldsApi, 'PUT /api/custom-fields/{recordType}', {
        user: admin,
        pathParameters: { recordType: 'lead' },
        body: { fields: [{ key, label: 'Поле', type: 'text' }], version: 0 },
      });
      expect(res.status, key).toBe(400);
      expect(paths(res)).toEqual(['fields.0.key']);
    }
  });
});

describe('a web form post', () => {
  it('keeps what was posted apart from what the CRM records about the capture', async () => {
    const email = 'meta@okna.example';
    const hostile = { formId: 'evil', ownerId: 'intruder', pk: 'LEAD#X', sk: 'HIST#X', version: '99', actor: 'admin', kind: 'converted' };
    expect((await urlencoded({ name: 'Мета Мария', email, agree: 'on', city: 'Казань', ...hostile })).status).toBe(303);
    const lead = (await leadByEmail(email))!;
    expect(lead).toMatchObject({ ownerId: rep.sub, version: 1, source: { formId: 'public' } });
    const [captured] = await timelineOf(lead.id);
    expect(captured).toMatchObject({ kind: 'captured', actor: { type: 'form', id: 'public' } });
    expect(captured!.data).toEqual({ formId: 'public', posted: Object.entries({ city: 'Казань', ...hostile }).map(([name, value]) => ({ name, value })) });

    expect((await urlencoded({ name: 'Мета Мария', email, agree: 'on', formId: 'evil2', kind: 'note' })).status).toBe(303);
    const [resubmitted] = await timelineOf(lead.id);
    expect(resubmitted).toMatchObject({ kind: 'resubmitted' });
    expect(resubmitted!.data).toEqual({ formId: 'public', posted: [{ name: 'formId', value: 'evil2' }, { name: 'kind', value: 'note' }] });
  });

  it('keeps fields named __proto__ and constructor as data, not a 500', async () => {
    const res = await post(Buffer.from('name=Прото+Пётр+Ильич&email=proto%40okna.example&agree=on&__proto__=x&constructor=y'), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(303);
    const lead = (await leadByEmail('proto@okna.example'))!;
    expect(lead).toMatchObject({ lastName: 'Прото' });
    expect((await timelineOf(lead.id))[0]!.data).toEqual({ formId: 'public', posted: [{ name: '__proto__', value: 'x' }, { name: 'constructor', value: 'y' }] });
  });

  it('keeps a page address or referrer that is not a web address out of the lead', async () => {
    const email = 'pages@okna.example';
    expect((await urlencoded({ name: 'Пейджев Пётр', email, agree: 'on', page_url: 'javascript:alert(1)//https://okna.example', referrer: 'data:text/html,<script>1</script>' })).status).toBe(303);
    const lead = (await leadByEmail(email))!;
    expect(lead.source).toEqual({ channel: 'website', formId: 'public' });
  });
});

describe('URL fields take http and https addresses only', () => {
  const hostile = ['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd'];

  it.each(hostile)('refuses %s in every URL field, naming it', async (url) => {
    const account = await call(accountsApi, 'POST /api/accounts', { user: rep, body: { name: 'ООО «Ссылка»', website: url } });
    expect(account.status).toBe(400);
    expect(paths(account)).toEqual(['website']);
    const contact = await call(contactsApi, 'POST /api/contacts', { user: rep, body: { lastName: 'Ссылкин', socialLinks: [{ network: 'vk', url }] } });
    expect(contact.status).toBe(400);
    expect(paths(contact)).toEqual(['socialLinks.0.url']);
    const thanks = await call(formsApi, 'POST /api/forms', { user: admin, body: { ...form, id: 'hostile', thankYouUrl: url } });
    expect(thanks.status).toBe(400);
    expect(paths(thanks)).toEqual(['thankYouUrl']);
    const origins = await call(formsApi, 'POST /api/forms', { user: admin, body: { ...form, id: 'hostile', allowedOrigins: [url] } });
    expect(origins.status).toBe(400);
    expect(paths(origins)).toEqual(['allowedOrigins.0']);
  });

  it('still takes web addresses, local ones and Cyrillic domains included', async () => {
    const account = await call(accountsApi, 'POST /api/accounts', { user: rep, body: { name: 'ООО «Окна»', website: 'https://окна.рф/каталог' } });
    expect(account.status).toBe(201);
    const formOk = await call(formsApi, 'POST /api/forms', { user: admin, body: { ...form, id: 'local', thankYouUrl: 'http://localhost:3000/thanks', allowedOrigins: ['http://localhost:3000'] } });
    expect(formOk.status).toBe(201);
  });
});

describe('a form from a Windows-1251 page', () => {
  const cp1251 = (text: string) => iconv.encode(text, 'win1251');
  /** What a browser sends from a windows-1251 page: each byte of the page's encoding percent-escaped. */
  const escaped = (bytes: Buffer) => [...bytes].map((b) => (/[A-Za-z0-9*\-._]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : b === 0x20 ? '+' : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
  const encodedPost = (fields: [string, Buffer][]) => Buffer.from(fields.map(([name, value]) => `${name}=${escaped(value)}`).join('&'));

  it('reads an urlencoded post with no charset as Windows-1251 when it is not UTF-8', async () => {
    const email = 'win1@okna.example';
    const res = await post(encodedPost([['name', cp1251('Ёлкин Пётр Щукович')], ['email', Buffer.from(email)], ['agree', Buffer.from('on')], ['message', cp1251('Нужны окна «под ключ» — 5 шт.')]]), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(303);
    expect(await leadByEmail(email)).toMatchObject({ lastName: 'Ёлкин', firstName: 'Пётр', middleName: 'Щукович', message: 'Нужны окна «под ключ» — 5 шт.' });
  });

  it('honours the _charset_ field, and keeps it out of the posted fields', async () => {
    const email = 'win2@okna.example';
    const res = await post(encodedPost([['_charset_', Buffer.from('windows-1251')], ['name', cp1251('Эрихов Ян Петрович')], ['email', Buffer.from(email)], ['agree', Buffer.from('on')], ['city', cp1251('Тверь')]]), 'application/x-www-form-urlencoded');
    expect(res.status).toBe(303);
    const lead = (await leadByEmail(email))!;
    expect(lead).toMatchObject({ lastName: 'Эрихов', firstName: 'Ян', middleName: 'Петрович' });
    expect((await timelineOf(lead.id))[0]!.data).toEqual({ formId: 'public', posted: [{ name: 'city', value: 'Тверь' }] });
  });

  it('still reads UTF-8 as UTF-8', async () => {
    const email = 'utf@okna.example';
    expect((await urlencoded({ name: 'Ёлкина Анна Петровна', email, agree: 'on' })).status).toBe(303);
    expect(await leadByEmail(email)).toMatchObject({ lastName: 'Ёлкина', firstName: 'Анна', middleName: 'Петровна' });
  });

  it('reads a multipart post from a Windows-1251 page, with and without _charset_', async () => {
    const boundary = '----formdata-cp1251';
    const part = (name: string, value: Buffer) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), value, Buffer.from('\r\n')]);
    const multipart = (fields: [string, Buffer][]) => Buffer.concat([...fields.map(([n, v]) => part(n, v)), Buffer.from(`--${boundary}--\r\n`)]);
    for (const [email, charset] of [['multi1@okna.example', []], ['multi2@okna.example', [['_charset_', Buffer.from('windows-1251')]]]] as [string, [string, Buffer][]][]) {
      const res = await post(multipart([...charset, ['name', cp1251('Жуков Фёдор Ильич')], ['email', Buffer.from(email)], ['agree', Buffer.from('on')]]), `multipart/form-data; boundary=${boundary}`);
      expect(res.status, email).toBe(303);
      expect(await leadByEmail(email)).toMatchObject({ lastName: 'Жуков', firstName: 'Фёдор', middleName: 'Ильич' });
    }
  });

  it('refuses a _charset_ it does not know, naming the field', async () => {
    const res = await post(Buffer.from('name=X+Y&email=cs%40okna.example&agree=on&_charset_=klingon-8'), 'application/x-www-form-urlencoded', 'application/json');
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['_charset_']);
  });
});
