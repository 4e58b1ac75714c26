import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { app } from '../infra/definition/app';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/free-port';
import { ensureTable } from '../infra/local/table';
import { admin, apiEvent as testEvent, invoke } from '../tests/support/api-event';
import { localTestEnv } from '../tests/support/local-env';
import { startRequestCounter } from './dynamo-request-counter';

/** The bench measures operations as an admin sees them (the test harness's default caller is a sales rep). */
const apiEvent = (options: Parameters<typeof testEvent>[0]) => testEvent({ user: admin, ...options });

/**
 * DynamoDB requests each lead and core-record route makes, counted on the wire against DynamoDB Local,
 * with their write and read units by DynamoDB's billing rules (bench/capacity-units.ts; `writeUnits`,
 * `readUnits`; `storedBytes`: what the written items and their index copies hold afterwards), and the warm
 * duration of the calls the cost model prices (`warmMs`: median of 20, unmetered).
 */
export async function measureRequestsPerOperation(): Promise<Record<string, Record<string, number>>> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const counter = await startRequestCounter(dynamo.endpoint, await freePort(), { meter: true });
  Object.assign(process.env, localTestEnv({ dynamoEndpoint: counter.endpoint, tableName: 'crm-bench-requests' }));
  try {
    const client = new DynamoDBClient({});
    await ensureTable(client, 'crm-bench-requests', app.table);
    client.destroy();
    const { putUser } = await import('../shared/data/users-repository');
    await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
    // Leads run on the records kit (ADR 0020): their routes are the resource router's.
    const { routes } = (await import('../functions/leads/leads-api')).handler;
    const handlers = {
      create: routes['POST /api/leads']!,
      get: routes['GET /api/leads/{leadId}']!,
      list: routes['GET /api/leads']!,
      update: routes['PATCH /api/leads/{leadId}']!,
      reject: routes['POST /api/leads/{leadId}/reject']!,
      timeline: routes['GET /api/leads/{leadId}/timeline']!,
    };
    for (let i = 0; i < 30; i++) await invoke(handlers.create, apiEvent({ route: 'POST /api/leads', body: { lastName: `Фон ${i}`, email: `bg${i}@example.ru` } }));

    const figures: Record<string, Record<string, number>> = {};
    // A refused or failed call would be measured as cheap: every measured call must succeed.
    const measure = async <T extends { status: number }>(name: string, call: () => Promise<T>): Promise<T> => {
      counter.reset();
      const result = await call();
      if (result.status >= 400) throw new Error(`${name} answered ${result.status}: ${JSON.stringify((result as { body?: unknown }).body)}`);
      const units = (records: { units: number }[]) => Math.round(records.reduce((sum, r) => sum + r.units, 0) * 100) / 100;
      const storedBytes = counter.writes().reduce((sum, w) => sum + w.bytes, 0);
      figures[name] = { ...counter.counts(), writeUnits: units(counter.writes()), readUnits: units(counter.reads()), storedBytes };
      return result;
    };
    /** Warm duration without the pricing proxy's extra reads: the median of 20 calls after the first. */
    const time = async (name: string, call: () => Promise<unknown>) => {
      counter.setMeter(false);
      await call();
      const durations: number[] = [];
      for (let i = 0; i < 20; i++) {
        const t = performance.now();
        await call();
        durations.push(performance.now() - t);
      }
      counter.setMeter(true);
      figures[name] = { ...figures[name], warmMs: Math.round(durations.sort((a, b) => a - b)[10]! * 10) / 10 };
    };
    const created = await measure('POST /api/leads', () => invoke(handlers.create, apiEvent({ route: 'POST /api/leads', body: { lastName: 'Замеров', email: 'z@example.ru' } })));
    const id = created.body.id as string;
    const read = () => invoke(handlers.get, apiEvent({ route: 'GET /api/leads/{leadId}', pathParameters: { leadId: id } }));
    const page = () => invoke(handlers.list, apiEvent({ route: 'GET /api/leads', query: { limit: '25' } }));
    await measure('GET /api/leads/{leadId}', read);
    await measure('GET /api/leads (page of 25)', page);
    await time('GET /api/leads/{leadId}', read);
    await time('GET /api/leads (page of 25)', page);
    await measure('GET /api/leads?status=new&ownerId= (page)', () => invoke(handlers.list, apiEvent({ route: 'GET /api/leads', query: { status: 'new', ownerId: admin.sub } })));
    await measure('PATCH /api/leads/{leadId}', () => invoke(handlers.update, apiEvent({ route: 'PATCH /api/leads/{leadId}', pathParameters: { leadId: id }, body: { version: 1, topic: 'Замер' } })));
    await measure('POST /api/leads/{leadId}/reject', () => invoke(handlers.reject, apiEvent({ route: 'POST /api/leads/{leadId}/reject', pathParameters: { leadId: id }, body: { version: 2, reason: 'no-need' } })));
    await measure('GET /api/leads/{leadId}/timeline', () => invoke(handlers.timeline, apiEvent({ route: 'GET /api/leads/{leadId}/timeline', pathParameters: { leadId: id } })));

    // Core records through their resource routers (ADR 0007), as API Gateway hands them over.
    const route = (api: unknown, key: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke(api, apiEvent({ route: key, ...options }));
    const accounts = (await import('../functions/accounts/accounts-api')).handler;
    const contacts = (await import('../functions/contacts/contacts-api')).handler;
    const deals = (await import('../functions/deals/deals-api')).handler;
    const products = (await import('../functions/products/products-api')).handler;
    const search = (await import('../functions/search/search-api')).handler;
    const convert = (await import('../functions/leads/leads-api')).handler;
    const product = (await route(products, 'POST /api/products', { body: { sku: 'B-1', name: 'Замер', kind: 'product', unit: 'шт', price: { amount: 100, currency: 'RUB' }, vatRate: 20 } })).body;

    const account = await measure('POST /api/accounts', () => route(accounts, 'POST /api/accounts', { body: { name: 'ООО «Замер»', taxId: '7707083893', phones: [{ kind: 'work', number: '+7 495 000-00-00' }] } }));
    const accountId = account.body.id as string;
    await measure('GET /api/accounts/{id}', () => route(accounts, 'GET /api/accounts/{id}', { pathParameters: { id: accountId } }));
    await measure('GET /api/accounts (page, by name)', () => route(accounts, 'GET /api/accounts', { query: { sort: 'name' } }));
    await measure('PATCH /api/accounts/{id}', () => route(accounts, 'PATCH /api/accounts/{id}', { pathParameters: { id: accountId }, body: { version: 1, industry: 'Замеры' } }));
    const contact = await measure('POST /api/contacts', () =>
      route(contacts, 'POST /api/contacts', { body: { lastName: 'Замерова', firstName: 'Анна', accountId, phones: [{ kind: 'mobile', number: '+7 912 000-00-00' }] } }),
    );
    await measure('GET /api/contacts?parentId= (an account\'s contacts)', () => route(contacts, 'GET /api/contacts', { query: { parentId: accountId } }));
    await measure('PATCH /api/contacts/{id}', () => route(contacts, 'PATCH /api/contacts/{id}', { pathParameters: { id: contact.body.id as string }, body: { version: 1, jobTitle: 'Директор' } }));
    const deal = await measure('POST /api/deals (2 lines, 1 contact)', () =>
      route(deals, 'POST /api/deals', { body: { title: 'Замер', accountId, contactIds: [contact.body.id as string], lines: [{ productId: product.id, quantity: 1 }, { productId: product.id, quantity: 2, discountPercent: 5 }] } }),
    );
    await measure("GET /api/contacts/{id}/deals (a contact's deals)", () => route(contacts, 'GET /api/contacts/{id}/deals', { pathParameters: { id: contact.body.id as string } }));
    await measure('GET /api/deals/{id}', () => route(deals, 'GET /api/deals/{id}', { pathParameters: { id: deal.body.id as string } }));
    await measure('POST /api/deals/{id}/stage', () => route(deals, 'POST /api/deals/{id}/stage', { pathParameters: { id: deal.body.id as string }, body: { version: 1, stage: 'lost', lostReason: 'price' } }));
    await measure('GET /api/search?q= (typing a phone)', () => route(search, 'GET /api/search', { query: { q: '8 912 000' } }));
    const lead = await invoke(handlers.create, apiEvent({ route: 'POST /api/leads', body: { lastName: 'Конверсия', company: 'Новая фирма', email: 'c@example.ru' } }));
    await measure('POST /api/leads/{leadId}/convert', () => route(convert, 'POST /api/leads/{leadId}/convert', { pathParameters: { leadId: lead.body.id as string }, body: { version: 1 } }));

    const activities = (await import('../functions/activities/activities-api')).handler;
    const product2 = await measure('POST /api/products', () => route(products, 'POST /api/products', { body: { sku: 'B-2', name: 'Замер 2', kind: 'service', unit: 'ч', price: { amount: 50, currency: 'RUB' }, vatRate: 20 } }));
    await measure('GET /api/products/{id}', () => route(products, 'GET /api/products/{id}', { pathParameters: { id: product2.body.id as string } }));
    await measure('GET /api/products (page)', () => route(products, 'GET /api/products', {}));
    const task = await measure('POST /api/activities (about a deal)', () =>
      route(activities, 'POST /api/activities', { body: { kind: 'task', subject: 'Замер', regarding: { type: 'deal', id: deal.body.id as string } } }),
    );
    await measure('GET /api/activities/{id}', () => route(activities, 'GET /api/activities/{id}', { pathParameters: { id: task.body.id as string } }));
    await measure("GET /api/activities?parentType=deal (a deal's activities)", () => route(activities, 'GET /api/activities', { query: { parentType: 'deal', parentId: deal.body.id as string } }));
    const note = () => route(accounts, 'POST /api/accounts/{id}/notes', { pathParameters: { id: accountId }, body: { text: 'Замер' } });
    await measure('POST /api/accounts/{id}/notes', note);
    await time('POST /api/accounts/{id}/notes', note);

    const twin = (await route(accounts, 'POST /api/accounts', { body: { name: 'Замер', taxId: '7707083893' } })).body;
    await measure('GET /api/accounts/{id}/duplicates (one match key: the tax id)', () => route(accounts, 'GET /api/accounts/{id}/duplicates', { pathParameters: { id: twin.id as string } }));
    await measure('POST /api/accounts/{id}/merge', () =>
      route(accounts, 'POST /api/accounts/{id}/merge', { pathParameters: { id: accountId }, body: { duplicateId: twin.id, version: 2, duplicateVersion: 1, take: [] } }),
    );
    return figures;
  } finally {
    await counter.close();
    await dynamo.stop();
  }
}

// Run as its own process (see bench/run.ts): handler modules keep their SDK clients for the life of
// the process, pointed at this stage's counting proxy.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  process.stdout.write(`\n@@RESULT${JSON.stringify(await measureRequestsPerOperation())}\n`);
  process.exit();
}
