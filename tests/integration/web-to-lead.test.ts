import { beforeAll, describe, expect, it } from 'vitest';
import { createFormRoute as createForm } from '../../functions/forms/create-form';
import { handler as submit } from '../../functions/forms/submit-form';
import { updateFormRoute as updateForm } from '../../functions/forms/update-form';
import { handler as leadsApi } from '../../functions/leads/leads-api';
import { getRecord } from '../../shared/data/records-repository';
import { putUser } from '../../shared/data/users-repository';
import type { Form } from '../../shared/domain/forms/form';
import { leadKind, type Lead } from '../../shared/domain/leads/lead';
import { submitForm } from '../../shared/services/form-submission-service';
import { admin, apiEvent, invoke, rep, type TestUser } from '../support/api-event';
import { byEntity, recordItems } from '../support/table-items';

/** Marketers set up the web forms (the harness's default user, a rep, may not). */
const marketer: TestUser = { sub: 'user-marketer', email: 'marketer@example.com', groups: ['marketer'] };
const site = 'https://shop.example';
const timeline = leadsApi.routes['GET /api/leads/{leadId}/timeline']!;
const formBody = {
  id: 'contact',
  name: 'Контактная форма',
  allowedOrigins: [site],
  thankYouUrl: `${site}/spasibo`,
  consent: { field: 'agree', text: 'Согласен на обработку персональных данных' },
  ownerIds: [rep.sub],
  requiredFields: ['email', 'fullName'],
  rateLimitPerMinute: 5,
};

type Post = { body: string; type: string; headers?: Record<string, string>; ip?: string; formId?: string; base64?: boolean };
const post = ({ body, type, headers, ip, formId = 'contact', base64 }: Post) =>
  invoke(
    submit,
    apiEvent({
      method: 'POST',
      path: `/api/forms/${formId}/submissions`,
      user: null,
      pathParameters: { formId },
      rawBody: base64 ? Buffer.from(body).toString('base64') : body,
      isBase64Encoded: Boolean(base64),
      headers: { 'content-type': type, origin: site, accept: 'text/html', ...headers },
      viewerIp: ip ?? `198.51.100.${Math.floor(Math.random() * 250)}`,
    }),
  );
const urlencoded = (fields: Record<string, string>, extra: Partial<Post> = {}) =>
  post({ body: new URLSearchParams(fields).toString(), type: 'application/x-www-form-urlencoded', ...extra });

const leadsNow = async () => byEntity(await recordItems(), 'LEAD') as unknown as Lead[];
const leadByEmail = async (email: string) => (await leadsNow()).filter((l) => l.email === email);

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, roles: ['sales-rep'] });
  const res = await invoke(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: formBody }));
  expect(res.status).toBe(201);
});

describe('form settings', () => {
  it('only admins and marketers configure forms, with validated settings', async () => {
    expect((await invoke(createForm, apiEvent({ route: 'POST /api/forms', body: { ...formBody, id: 'by-rep' }, user: rep }))).status).toBe(403);
    const bad = await invoke(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: { ...formBody, id: 'Bad Id', thankYouUrl: 'nowhere' } }));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['id', 'thankYouUrl']);
    expect((await invoke(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: formBody }))).body.error.fields[0].path).toBe('id');
  });

  it('updates a form with optimistic locking', async () => {
    const created = await invoke<Form>(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: { ...formBody, id: 'versioned' } }));
    const { id: _id, ...settings } = formBody;
    const ok = await invoke<Form>(updateForm, apiEvent({ user: marketer, route: 'PUT /api/forms/{formId}', pathParameters: { formId: 'versioned' }, body: { ...settings, name: 'Новое имя', version: created.body.version } }));
    expect(ok.body).toMatchObject({ name: 'Новое имя', version: 2 });
    const stale = await invoke(updateForm, apiEvent({ user: marketer, route: 'PUT /api/forms/{formId}', pathParameters: { formId: 'versioned' }, body: { ...settings, version: 1 } }));
    expect(stale.status).toBe(409);
  });

  it('applies an edit to the next post at once, although posts read forms through a cache', async () => {
    const created = await invoke<Form>(createForm, apiEvent({ user: marketer, route: 'POST /api/forms', body: { ...formBody, id: 'cached' } }));
    const fields = { name: 'Кэш Проверкин', email: 'cache@example.ru', agree: 'on' };
    expect((await urlencoded(fields, { formId: 'cached' })).status).toBe(303);
    const { id: _id, ...settings } = formBody;
    await invoke(updateForm, apiEvent({ user: marketer, route: 'PUT /api/forms/{formId}', pathParameters: { formId: 'cached' }, body: { ...settings, enabled: false, version: created.body.version } }));
    expect((await urlencoded(fields, { formId: 'cached' })).status).toBe(404);
  });
});

describe('accepting submissions', () => {
  it('turns an urlencoded browser post with a Cyrillic name into a lead and redirects with 303', async () => {
    const res = await urlencoded(
      {
        name: 'Смирнова Анна Сергеевна',
        email: 'anna@zavod.ru',
        phone: '8 (495) 123-45-67',
        company: 'АО «Завод»',
        message: 'Нужна CRM для отдела продаж',
        agree: 'on',
        utm_source: 'yandex',
        utm_medium: 'cpc',
        referrer: 'https://ya.ru/search?text=crm',
        website_url: '',
      },
      { headers: { referer: `${site}/contacts?utm_campaign=autumn` } },
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`${site}/spasibo`);
    const [lead] = await leadByEmail('anna@zavod.ru');
    expect(lead).toMatchObject({
      lastName: 'Смирнова',
      firstName: 'Анна',
      middleName: 'Сергеевна',
      company: 'АО «Завод»',
      status: 'new',
      ownerId: rep.sub,
      submissionCount: 1,
      source: {
        channel: 'website',
        formId: 'contact',
        campaign: 'autumn',
        utm: { source: 'yandex', medium: 'cpc', campaign: 'autumn' },
        referrer: 'https://ya.ru/search?text=crm',
        pageUrl: `${site}/contacts?utm_campaign=autumn`,
      },
      consent: { given: true, text: formBody.consent.text },
    });
    const [captured, ...more] = byEntity(await recordItems(), 'HISTORY').filter((h) => h.pk === `LEAD#${lead!.id}`);
    expect(more).toEqual([]);
    expect((captured!.events as { type: string }[]).map((e) => e.type).sort()).toEqual(['LeadCaptured', 'LeadCreated']);
  });

  it('accepts multipart/form-data (as API Gateway hands it over, base64) keeping UTF-8', async () => {
    const boundary = '----crm123';
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = part('name', 'Пётр Ёлкин') + part('email', 'petr@yolka.ru') + part('agree', '1') + `--${boundary}--\r\n`;
    const res = await post({ body, type: `multipart/form-data; boundary=${boundary}`, base64: true });
    expect(res.status).toBe(303);
    expect(await leadByEmail('petr@yolka.ru')).toMatchObject([{ firstName: 'Пётр', lastName: 'Ёлкин' }]);
  });

  it('answers a JSON post with JSON', async () => {
    const res = await post({ body: JSON.stringify({ name: 'Айгуль Нурланова', email: 'aigul@steppe.kz', agree: true }), type: 'application/json', headers: { accept: 'application/json' } });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: 'received' });
    expect(res.headers['access-control-allow-origin']).toBe(site);
    expect(await leadByEmail('aigul@steppe.kz')).toHaveLength(1);
  });

  it('updates the same lead when the same email comes again within a day', async () => {
    await urlencoded({ name: 'Олег Повторов', email: 'repeat@example.ru', agree: 'on' });
    const res = await urlencoded({ name: 'Олег Повторов', email: 'REPEAT@example.ru', phone: '+7 900 111-22-33', message: 'Перезвоните, пожалуйста', agree: 'on' });
    expect(res.status).toBe(303);
    const leads = await leadByEmail('repeat@example.ru');
    expect(leads).toHaveLength(1);
    expect(leads[0]).toMatchObject({ submissionCount: 2, phone: '+79001112233', version: 2 });
    const entries = await invoke(timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: leads[0]!.id } }));
    expect(entries.body.items.map((e: { kind: string }) => e.kind)).toEqual(['resubmitted', 'captured']);
    expect(entries.body.items[0]).toMatchObject({ note: 'Перезвоните, пожалуйста', changes: [{ field: 'phone', to: '+79001112233' }] });
  });

  it('creates a new lead when the same email comes back after more than a day', async () => {
    const fields = { name: ['Вера Позднева'], email: ['later@example.ru'], agree: ['on'] };
    const submission = { formId: 'contact', fields, origin: site, sourceIp: '192.0.2.1', meta: { currency: 'RUB' as const }, defaultOrigins: [] };
    const day1 = new Date('2026-11-01T10:00:00Z');
    await submitForm(submission, { now: () => day1 });
    await submitForm(submission, { now: () => new Date(day1.getTime() + 25 * 3600 * 1000) });
    expect(await leadByEmail('later@example.ru')).toHaveLength(2);
  });

  it('never duplicates a lead when the same person submits several times at once', async () => {
    const results = await Promise.all(Array.from({ length: 5 }, () => urlencoded({ name: 'Быстрый Клик', email: 'race@example.ru', agree: 'on' })));
    expect(results.map((r) => r.status)).toEqual([303, 303, 303, 303, 303]);
    const leads = await leadByEmail('race@example.ru');
    expect(leads).toHaveLength(1);
    expect((await getRecord(leadKind, leads[0]!.id))!.submissionCount).toBe(5);
  });
});

describe('refusing bad submissions, writing nothing', () => {
  const refuses = async (res: Promise<{ status: number; body: unknown }>, status: number, text?: string) => {
    const before = (await recordItems()).length;
    const answer = await res;
    expect(answer.status).toBe(status);
    if (text) expect(String(answer.body)).toContain(text);
    expect((await recordItems()).length).toBe(before);
  };

  it('404 for an unknown form', () => refuses(urlencoded({ email: 'x@example.ru' }, { formId: 'no-such-form' }), 404));
  it('400 naming the missing required field', () => refuses(urlencoded({ name: 'Без Почты', agree: 'on' }), 400, 'email'));
  it('400 naming a malformed email', () => refuses(urlencoded({ name: 'Кривой Адрес', email: 'not-an-email', agree: 'on' }), 400, 'email'));
  it('400 without consent', () => refuses(urlencoded({ name: 'Без Согласия', email: 'noconsent@example.ru' }), 400, 'agree'));
  it('413 for a body over the limit', () => refuses(urlencoded({ name: 'Большой', email: 'big@example.ru', agree: 'on', message: 'я'.repeat(40_000) }), 413));
  it('403 for a page on another site', () => refuses(urlencoded({ name: 'Чужой Сайт', email: 'evil@example.ru', agree: 'on' }, { headers: { origin: 'https://evil.example' } }), 403));
  it('415 for an unknown encoding', () => refuses(post({ body: '<xml/>', type: 'application/xml' }), 415));

  it('a filled honeypot gets the same 303 as a success, and no lead', async () => {
    await refuses(
      urlencoded({ name: 'Спам Бот', email: 'bot@spam.ru', agree: 'on', website_url: 'http://spam.example' }).then((r) => {
        expect(r.headers.location).toBe(`${site}/spasibo`);
        return r;
      }),
      303,
    );
  });

  it('429 once an address exceeds the per-minute limit, counted in the table', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 5; i++) expect((await urlencoded({ name: 'Частый Гость', email: `often${i}@example.ru`, agree: 'on' }, { ip })).status).toBe(303);
    await refuses(urlencoded({ name: 'Частый Гость', email: 'often-last@example.ru', agree: 'on' }, { ip }), 429);
  });

  it('counts the viewer address the edge reports, not the edge server API Gateway sees', async () => {
    const viewers = ['203.0.113.101', '203.0.113.102', '203.0.113.103', '203.0.113.104', '203.0.113.105', '203.0.113.106'];
    for (const [i, ip] of viewers.entries()) expect((await urlencoded({ name: 'Разные Адреса', email: `viewer${i}@example.ru`, agree: 'on' }, { ip })).status).toBe(303);
  });

  it('403 for a post that went around the edge to the execute-api endpoint', async () => {
    const around = apiEvent({
      method: 'POST',
      path: '/api/forms/contact/submissions',
      user: null,
      pathParameters: { formId: 'contact' },
      rawBody: new URLSearchParams({ name: 'Обход Краев', email: 'around@example.ru', agree: 'on' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: site, 'x-crm-edge-secret': 'guessed' },
      throughEdge: false,
    });
    await refuses(invoke(submit, around), 403);
  });

  it('answers a script with JSON errors naming the posted fields', async () => {
    const res = await post({ body: JSON.stringify({ name: 'Скрипт', email: 'bad' }), type: 'application/json' , headers: { accept: 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'validation_failed' } });
    expect((res.body as { error: { fields: { path: string }[] } }).error.fields.map((f) => f.path).sort()).toEqual(['agree', 'email']);
  });
});
