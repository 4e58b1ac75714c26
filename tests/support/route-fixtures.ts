import { deriveIndex } from './derived-index';
import { app } from '../../infra/definition/app';
import type { Action, Subject } from '../../shared/auth/permissions';
import { fileStore } from '../../shared/adapters/file-store';
import { putUser } from '../../shared/data/users-repository';
import { attachmentResources } from '../../shared/domain/attachments/attachment';
import { customizableTypes } from '../../shared/domain/custom-fields/custom-field';
import { importFileKeys } from '../../shared/domain/imports/import-job';
import { transferResources } from '../../shared/domain/ownership/ownership-transfer';
import { detectDuplicatesOf } from '../../shared/services/duplicates-service';
import { readImportFile } from '../../shared/services/import-runner';
import { admin, apiEvent, invoke, type TestUser } from './api-event';
import { handlerOf } from './route-handlers';

/**
 * A valid request for every signed-in route of the app definition, for the allowed side of the
 * route × role test: what the route needs to succeed for a given caller (its records, owned by the
 * caller, set up by an admin through the API) and the route's own success status. A route without
 * a fixture fails the test, so a new route cannot be forgotten. Routes with a record type in the
 * path are tried with every type the route accepts (`pathVariants`).
 */
export interface Request {
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** Who calls, when the route needs more of the caller than its roles (a portal user's account). */
  user?: TestUser;
}

export interface RouteFixture {
  status: number;
  /**
   * What the use case needs beyond the route's own permission: a role the route lets in but
   * without this is refused (403) once the record is read, writing nothing.
   */
  alsoNeeds?: { subject: Subject; action: Action };
  /** Sets up what the call needs for `caller`, with `path` the variant's path parameters. */
  prepare: (caller: TestUser, path: Record<string, string>) => Promise<Request>;
}

/** The values a path parameter naming a type takes: every type its route accepts. */
export const pathVariants: Record<string, Record<string, readonly string[]>> = {
  'POST /api/{resource}/transfer': { resource: Object.keys(transferResources) },
  'GET /api/custom-fields/{recordType}': { recordType: customizableTypes },
  'PUT /api/custom-fields/{recordType}': { recordType: customizableTypes },
  ...Object.fromEntries(
    app.routes.filter((route) => route.function === 'attachments').map((route) => [`${route.method} ${route.path}`, { resource: Object.keys(attachmentResources) }]),
  ),
};

/** Every combination of a route's variants (one empty one for a route without any). */
export function variantsOf(key: string): Record<string, string>[] {
  let combos: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(pathVariants[key] ?? {})) combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  return combos;
}

/** The team the route × role test sets up: its sales manager manages its sales rep (user ids as it names them). */
export const salesTeam = { id: 'sales', name: 'Продажи', managerId: 'user-sales-manager', memberIds: ['user-sales-rep'] };

let counter = 0;
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

/** Calls a route of the definition as the admin (or `user`), expecting `status`. */
async function asAdmin<T = any>(key: string, request: Request, status: number): Promise<T> {
  const route = app.routes.find((r) => `${r.method} ${r.path}` === key);
  if (!route) throw new Error(`No route ${key}`);
  const res = await invoke<T>(await handlerOf(route.function), apiEvent({ route: key, user: request.user ?? admin, ...request }));
  if (res.status !== status) throw new Error(`setting up ${key}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

type Made = { id: string; version: number };
const resourceOf: Record<string, string> = { lead: 'leads', account: 'accounts', contact: 'contacts', deal: 'deals', activity: 'activities', case: 'cases' };
const typeOfResource: Record<string, string> = Object.fromEntries(Object.entries(resourceOf).map(([type, resource]) => [resource, type]));

/** Records owned by `owner`, made by the admin. */
export const seed = {
  lead: (owner: TestUser, extra: object = {}) => asAdmin<Made>('POST /api/leads', { body: { lastName: 'Фикстурин', email: `${unique('lead')}@client.example`, ownerId: owner.sub, ...extra } }, 201),
  account: (owner: TestUser, extra: object = {}) => asAdmin<Made>('POST /api/accounts', { body: { name: `ООО «${unique('Фикстура ')}»`, ownerId: owner.sub, ...extra } }, 201),
  contact: (owner: TestUser, extra: object = {}) => asAdmin<Made>('POST /api/contacts', { body: { lastName: unique('Фикстуров'), ownerId: owner.sub, ...extra } }, 201),
  deal: (owner: TestUser, extra: object = {}) => asAdmin<Made>('POST /api/deals', { body: { title: unique('Сделка '), ownerId: owner.sub, ...extra } }, 201),
  activity: async (owner: TestUser) => {
    const contact = await seed.contact(owner);
    return asAdmin<Made>('POST /api/activities', { body: { kind: 'task', subject: 'Позвонить', regarding: { type: 'contact', id: contact.id }, ownerId: owner.sub } }, 201);
  },
  case: async (owner: TestUser, extra: object = {}) => {
    const account = await seed.account(admin);
    return asAdmin<Made>('POST /api/cases', { body: { subject: unique('Обращение '), accountId: account.id, ownerId: owner.sub, ...extra } }, 201);
  },
  product: () =>
    asAdmin<Made>('POST /api/products', { body: { sku: unique('FIX-').toUpperCase(), name: 'Фикстура', kind: 'service', unit: 'шт', price: { amount: 100, currency: 'RUB' }, vatRate: 20 } }, 201),
  of: (resource: string, owner: TestUser) => (seed as unknown as Record<string, (o: TestUser) => Promise<Made>>)[typeOfResource[resource]!]!(owner),
  /** Two records the duplicates view pairs (the same email or name), owned by `owner`. */
  pair: async (type: 'lead' | 'account' | 'contact', owner: TestUser): Promise<[Made, Made]> => {
    const same = type === 'lead' ? { email: `${unique('twin')}@client.example` } : type === 'account' ? { name: `ООО «${unique('Двойник ')}»` } : { lastName: unique('Двойников'), firstName: 'Олег' };
    const a = await seed[type](owner, same);
    const b = await seed[type](owner, same);
    // Match keys are derived from the stream (ADR 0009): as the poller would have by now.
    await deriveIndex();
    await detectDuplicatesOf(type, b.id);
    return [a, b];
  },
  /** An invited user (in Cognito and the directory) who has not signed in yet. */
  invited: async (): Promise<{ id: string; email: string }> => {
    const email = `${unique('invitee')}@crm.test`;
    return asAdmin('POST /api/users/invitations', { body: { email, roles: ['sales-rep'] } }, 201);
  },
  /** An import job of the caller's, the file uploaded and read: `mapping`, with a suggested mapping. */
  importJob: async (owner: TestUser, read = true): Promise<Made> => {
    const csv = new TextEncoder().encode('Фамилия;E-mail\nИмпортов;import@client.example\n');
    const started = await asAdmin<{ import: Made }>('POST /api/imports', { user: owner, body: { recordType: 'contact', fileName: 'people.csv', contentType: 'text/csv', bytes: csv.length } }, 201);
    const id = started.import.id;
    await fileStore().write(importFileKeys(id).source, csv, 'text/csv');
    if (!read) return started.import;
    await asAdmin('POST /api/imports/{importId}/file', { user: owner, pathParameters: { importId: id }, body: { version: 1 } }, 202);
    await readImportFile(id);
    return asAdmin('GET /api/imports/{importId}', { user: owner, pathParameters: { importId: id } }, 200);
  },
  /** A stored attachment on a record of the caller's. */
  attachment: async (owner: TestUser, resource: string, complete = true): Promise<Record<string, string>> => {
    const record = await seed.of(resource, owner);
    const path = { resource, id: record.id };
    const bytes = new TextEncoder().encode('%PDF-1.4 fixture');
    const started = await asAdmin<{ attachment: { id: string; fileKey: string } }>(
      'POST /api/{resource}/{id}/attachments',
      { pathParameters: path, body: { fileName: 'offer.pdf', contentType: 'application/pdf', bytes: bytes.length } },
      201,
    );
    await fileStore().write(started.attachment.fileKey, bytes, 'application/pdf');
    if (complete) await asAdmin('POST /api/{resource}/{id}/attachments/{attachmentId}/complete', { pathParameters: { ...path, attachmentId: started.attachment.id } }, 200);
    return { ...path, attachmentId: started.attachment.id };
  },
};

/** The portal's account, with a deal and a case its own staff (the admin) put there. */
let portalAccount: Promise<{ accountId: string; dealId: string }> | undefined;
const thePortalAccount = () =>
  (portalAccount ??= (async () => {
    const account = await seed.account(admin);
    const deal = await seed.deal(admin, { accountId: account.id });
    return { accountId: account.id, dealId: deal.id };
  })());
/** The caller with the portal account as theirs (claim and directory), as an admin sets up a portal user. */
async function portalCaller(caller: TestUser): Promise<TestUser> {
  const { accountId } = await thePortalAccount();
  await putUser({ id: caller.sub, email: caller.email, roles: caller.groups, accountId } as Parameters<typeof putUser>[0]);
  return { ...caller, accountId };
}
const portalCase = async (caller: TestUser, status?: string) => {
  const { accountId } = await thePortalAccount();
  const made = await asAdmin<Made>('POST /api/cases', { body: { subject: unique('Обращение '), accountId, ...(status ? { status } : {}) } }, 201);
  return { user: await portalCaller(caller), pathParameters: { id: made.id } };
};

const ok = (status: number, prepare: RouteFixture['prepare'] = async () => ({})): RouteFixture => ({ status, prepare });
const onId = (made: Made) => ({ pathParameters: { id: made.id } });
const onLead = (made: Made) => ({ pathParameters: { leadId: made.id } });

/** The routes every record type has (functions/records/record-routes.ts), for a type's resource. */
function recordFixtures(resource: string, make: (owner: TestUser) => Promise<Made>, create: (caller: TestUser) => object | Promise<object>, change: object): Record<string, RouteFixture> {
  return {
    [`GET /api/${resource}`]: ok(200),
    [`POST /api/${resource}`]: ok(201, async (caller) => ({ body: await create(caller) })),
    [`GET /api/${resource}/{id}`]: ok(200, async (caller) => onId(await make(caller))),
    [`PATCH /api/${resource}/{id}`]: ok(200, async (caller) => {
      const made = await make(caller);
      return { ...onId(made), body: { version: made.version, ...change } };
    }),
    [`GET /api/${resource}/{id}/timeline`]: ok(200, async (caller) => onId(await make(caller))),
  };
}

function duplicateFixtures(resource: string, type: 'lead' | 'account' | 'contact', param: string): Record<string, RouteFixture> {
  const on = (made: Made) => ({ pathParameters: { [param]: made.id } });
  return {
    [`GET /api/${resource}/{${param}}/duplicates`]: ok(200, async (caller) => on((await seed.pair(type, caller))[0])),
    [`POST /api/${resource}/{${param}}/merge`]: ok(200, async (caller) => {
      const [a, b] = await seed.pair(type, caller);
      return { ...on(a), body: { duplicateId: b.id, version: a.version, duplicateVersion: b.version, take: [] } };
    }),
    [`GET /api/${resource}/duplicates`]: ok(200),
    [`POST /api/${resource}/duplicates/dismiss`]: ok(204, async (caller) => ({ body: { ids: (await seed.pair(type, caller)).map((r) => r.id) } })),
  };
}

const note = (make: (owner: TestUser) => Promise<Made>, param = 'id') => ok(201, async (caller) => ({ pathParameters: { [param]: (await make(caller)).id }, body: { text: 'Заметка' } }));
const versionOf = async (caller: TestUser, read = true) => {
  const job = await seed.importJob(caller, read);
  return { pathParameters: { importId: job.id }, body: { version: job.version } };
};
/** The current setting, sent back as it is: a valid save. */
const resave = (getKey: string, path: Record<string, string> = {}, pick: (current: any) => object) => async () => ({
  pathParameters: path,
  body: pick(await asAdmin(getKey, { pathParameters: path }, 200)),
});

export const routeFixtures: Record<string, RouteFixture> = {
  'POST /api/session': ok(200),
  'GET /api/users': ok(200),
  'POST /api/users/invitations': ok(201, async () => ({ body: { email: `${unique('invitee')}@crm.test`, roles: ['sales-rep'] } })),
  'POST /api/users/{userId}/invitation': ok(200, async () => ({ pathParameters: { userId: (await seed.invited()).id } })),
  'PUT /api/users/{userId}/roles': ok(200, async () => ({ pathParameters: { userId: (await seed.invited()).id }, body: { roles: ['marketer'] } })),
  'POST /api/users/{userId}/disable': ok(200, async () => ({ pathParameters: { userId: (await seed.invited()).id } })),
  'POST /api/users/{userId}/enable': ok(200, async () => {
    const { id } = await seed.invited();
    await asAdmin('POST /api/users/{userId}/disable', { pathParameters: { userId: id } }, 200);
    return { pathParameters: { userId: id } };
  }),
  'GET /api/access-requests': ok(200),
  'POST /api/access-requests': ok(201, async (caller) => ({ body: { roles: [caller.groups.includes('executive') ? 'marketer' : 'executive'], reason: 'Нужны отчёты' } })),
  ...Object.fromEntries(
    (['grant', 'decline'] as const).map((decision) => [
      `POST /api/access-requests/{requestId}/${decision}`,
      ok(200, async () => {
        const { id, email } = await seed.invited();
        const requester: TestUser = { sub: id, email, groups: ['sales-rep'] };
        const filed = await asAdmin<{ id: string }>('POST /api/access-requests', { user: requester, body: { roles: ['marketer'], reason: 'Рассылки' } }, 201);
        return { pathParameters: { requestId: filed.id }, body: {} };
      }),
    ]),
  ),
  'GET /api/api-keys': ok(200),
  'POST /api/api-keys': ok(201, async () => ({ body: { name: unique('Ключ '), role: 'sales-rep' } })),
  'POST /api/api-keys/{keyId}/revoke': ok(200, async () => ({
    pathParameters: { keyId: (await asAdmin<{ key: { id: string } }>('POST /api/api-keys', { body: { name: unique('Ключ '), role: 'sales-rep' } }, 201)).key.id },
  })),

  'GET /api/leads': ok(200),
  'POST /api/leads': ok(201, async () => ({ body: { lastName: 'Новиков', email: `${unique('new')}@client.example` } })),
  'GET /api/leads/{leadId}': ok(200, async (caller) => onLead(await seed.lead(caller))),
  'PATCH /api/leads/{leadId}': ok(200, async (caller) => {
    const lead = await seed.lead(caller);
    return { ...onLead(lead), body: { version: lead.version, topic: 'Внедрение' } };
  }),
  'POST /api/leads/{leadId}/reject': ok(200, async (caller) => {
    const lead = await seed.lead(caller);
    return { ...onLead(lead), body: { version: lead.version, reason: 'no-budget' } };
  }),
  'GET /api/leads/{leadId}/timeline': ok(200, async (caller) => onLead(await seed.lead(caller))),
  // Converting makes a deal: a role that works leads but not deals (a marketer) hands the lead to sales.
  'POST /api/leads/{leadId}/convert': {
    ...ok(201, async (caller) => {
      const lead = await seed.lead(caller, { company: 'ООО «Конверсия»' });
      return { ...onLead(lead), body: { version: lead.version } };
    }),
    alsoNeeds: { subject: 'deals', action: 'create' },
  },
  'POST /api/leads/{leadId}/notes': note(seed.lead, 'leadId'),
  ...duplicateFixtures('leads', 'lead', 'leadId'),

  'GET /api/forms': ok(200),
  'POST /api/forms': ok(201, async () => ({ body: { id: unique('form-'), name: 'Форма', thankYouUrl: 'https://shop.example/ok', allowedOrigins: ['https://shop.example'] } })),
  'GET /api/forms/{formId}': ok(200, async () => ({ pathParameters: { formId: (await theForm()).id } })),
  'PUT /api/forms/{formId}': ok(200, async () => {
    const form = await asAdmin<Record<string, unknown> & { id: string }>('GET /api/forms/{formId}', { pathParameters: { formId: (await theForm()).id } }, 200);
    const { id, createdAt: _c, createdBy: _b, updatedAt: _u, ...settings } = form;
    return { pathParameters: { formId: id }, body: settings };
  }),

  ...recordFixtures('accounts', seed.account, () => ({ name: 'ООО «Новая»' }), { industry: 'Торговля' }),
  'POST /api/accounts/{id}/notes': note(seed.account),
  ...duplicateFixtures('accounts', 'account', 'id'),
  ...recordFixtures('contacts', seed.contact, () => ({ lastName: 'Новикова' }), { jobTitle: 'Директор' }),
  'POST /api/contacts/{id}/notes': note(seed.contact),
  'GET /api/contacts/{id}/deals': ok(200, async (caller) => onId(await seed.contact(caller))),
  ...duplicateFixtures('contacts', 'contact', 'id'),
  ...recordFixtures('activities', seed.activity, async (caller) => ({ kind: 'call', subject: 'Позвонить', regarding: { type: 'contact', id: (await seed.contact(caller)).id } }), { description: 'Перезвонить' }),
  ...recordFixtures('products', () => seed.product(), () => ({ sku: unique('NEW-').toUpperCase(), name: 'Услуга', kind: 'service', unit: 'час', price: { amount: 10, currency: 'RUB' }, vatRate: 20 }), { description: 'Описание' }),
  ...recordFixtures('deals', seed.deal, () => ({ title: 'Новая сделка' }), { needs: 'Потребности' }),
  'POST /api/deals/{id}/stage': ok(200, async (caller) => {
    const deal = await seed.deal(caller);
    return { ...onId(deal), body: { version: deal.version, stage: 'lost', lostReason: 'no-budget' } };
  }),
  'POST /api/deals/{id}/notes': note(seed.deal),
  ...recordFixtures('cases', seed.case, async () => ({ subject: 'Не печатается счёт', accountId: (await seed.account(admin)).id }), { priority: 'high' }),
  'POST /api/cases/{id}/notes': note(seed.case),
  'POST /api/cases/{id}/comments': ok(201, async (caller) => ({ ...onId(await seed.case(caller)), body: { text: 'Здравствуйте! Проверяем.' } })),

  'GET /api/pipelines': ok(200),
  'GET /api/pipelines/{pipelineId}': ok(200, async () => ({ pathParameters: { pipelineId: 'default' } })),
  'PUT /api/pipelines/{pipelineId}': ok(200, resave('GET /api/pipelines/{pipelineId}', { pipelineId: 'default' }, ({ name, stages, version }) => ({ name, stages, version }))),
  'GET /api/custom-fields/{recordType}': ok(200, async (_caller, path) => ({ pathParameters: path })),
  'PUT /api/custom-fields/{recordType}': ok(200, async (_caller, path) => resave('GET /api/custom-fields/{recordType}', path, ({ fields, version }) => ({ fields, version }))()),
  'GET /api/teams': ok(200),
  'PUT /api/teams': ok(200, resave('GET /api/teams', {}, ({ teams, version }) => ({ teams, version }))),
  'GET /api/sharing': ok(200),
  'PUT /api/sharing': ok(200, resave('GET /api/sharing', {}, ({ types, version }) => ({ types, version }))),
  'GET /api/audit': ok(200),
  'GET /api/audit/usage': ok(200),
  // The caller's record goes to the rep of the sales team (a move, not "unchanged"), within a manager's team.
  'POST /api/{resource}/transfer': ok(200, async (caller, path) => ({
    pathParameters: path,
    body: { ids: [(await seed.of(path.resource!, caller)).id], toOwnerId: salesTeam.memberIds[0] },
  })),

  'GET /api/portal/deals': ok(200, async (caller) => ({ user: await portalCaller(caller) })),
  'GET /api/portal/deals/{id}': ok(200, async (caller) => ({ user: await portalCaller(caller), pathParameters: { id: (await thePortalAccount()).dealId } })),
  'GET /api/portal/cases': ok(200, async (caller) => ({ user: await portalCaller(caller) })),
  'POST /api/portal/cases': ok(201, async (caller) => ({ user: await portalCaller(caller), body: { subject: 'Не приходит счёт', description: 'Ждём с понедельника' } })),
  'GET /api/portal/cases/{id}': ok(200, (caller) => portalCase(caller)),
  'POST /api/portal/cases/{id}/comments': ok(201, async (caller) => ({ ...(await portalCase(caller)), body: { text: 'Спасибо' } })),
  'POST /api/portal/cases/{id}/rating': ok(200, async (caller) => ({ ...(await portalCase(caller, 'resolved')), body: { score: 5 } })),

  'GET /api/search': ok(200, async () => ({ query: { q: 'Фикстур' } })),

  'GET /api/{resource}/{id}/attachments': ok(200, async (caller, path) => ({ pathParameters: { resource: path.resource!, id: (await seed.of(path.resource!, caller)).id } })),
  'POST /api/{resource}/{id}/attachments': ok(201, async (caller, path) => ({
    pathParameters: { resource: path.resource!, id: (await seed.of(path.resource!, caller)).id },
    body: { fileName: 'offer.pdf', contentType: 'application/pdf', bytes: 100 },
  })),
  'POST /api/{resource}/{id}/attachments/{attachmentId}/complete': ok(200, async (caller, path) => ({ pathParameters: await seed.attachment(caller, path.resource!, false) })),
  'GET /api/{resource}/{id}/attachments/{attachmentId}/download': ok(200, async (caller, path) => ({ pathParameters: await seed.attachment(caller, path.resource!) })),
  'DELETE /api/{resource}/{id}/attachments/{attachmentId}': ok(204, async (caller, path) => ({ pathParameters: await seed.attachment(caller, path.resource!) })),

  'POST /api/exports': ok(202, async () => ({ body: { recordType: 'contact', format: 'csv', filters: {} } })),
  'GET /api/exports/{exportId}': ok(200, async (caller) => ({
    pathParameters: { exportId: (await asAdmin<{ id: string }>('POST /api/exports', { user: caller, body: { recordType: 'contact', format: 'csv', filters: {} } }, 202)).id },
  })),

  'GET /api/imports': ok(200),
  'POST /api/imports': ok(201, async () => ({ body: { recordType: 'contact', fileName: 'people.csv', contentType: 'text/csv', bytes: 100 } })),
  'GET /api/imports/{importId}': ok(200, async (caller) => ({ pathParameters: { importId: (await seed.importJob(caller, false)).id } })),
  'PATCH /api/imports/{importId}': ok(200, async (caller) => {
    const request = await versionOf(caller);
    return { ...request, body: { ...request.body, duplicatePolicy: 'create' } };
  }),
  'POST /api/imports/{importId}/file': ok(202, (caller) => versionOf(caller, false)),
  'POST /api/imports/{importId}/check': ok(202, (caller) => versionOf(caller)),
  'POST /api/imports/{importId}/run': ok(202, (caller) => versionOf(caller)),
  'POST /api/imports/{importId}/resume': ok(202, async (caller) => {
    const { pathParameters, body } = await versionOf(caller);
    const checking = await asAdmin<Made>('POST /api/imports/{importId}/check', { user: caller, pathParameters, body }, 202);
    return { pathParameters, body: { version: checking.version } };
  }),
  // Cancelling is done at once: the cancelled job, 200.
  'POST /api/imports/{importId}/cancel': ok(200, (caller) => versionOf(caller)),
  'GET /api/imports/{importId}/rows': ok(200, async (caller) => ({ pathParameters: { importId: (await seed.importJob(caller)).id }, query: { phase: 'check' } })),
};

/** One form to read and save, made once. */
let form: Promise<{ id: string }> | undefined;
const theForm = () =>
  (form ??= asAdmin('POST /api/forms', { body: { id: unique('fixture-'), name: 'Форма', thankYouUrl: 'https://shop.example/ok', allowedOrigins: ['https://shop.example'] } }, 201));
