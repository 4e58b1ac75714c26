import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke } from '../support/api-event';
import { routeFixtures, variantsOf } from '../support/route-fixtures';
import { handlerOf, paramsOf, wellFormedParam } from '../support/route-handlers';
import { allItems } from '../support/table-items';

/**
 * Bad input for every signed-in route of the app definition, through the function that serves it:
 * a malformed path parameter, an unknown query parameter and a body with an unknown field are
 * each answered 400 naming the offending field, and nothing is written. Generated from the
 * definition, so a new route is covered the day it is added.
 */
const routes = app.routes.filter((r) => r.access !== 'public');

// The valid requests of tests/support/route-fixtures.ts set up attachments and imports: their files go here.
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

/** Routes that take no body at all: what they are sent is not read. */
const noBody = new Set([
  'POST /api/session',
  'POST /api/users/{userId}/disable',
  'POST /api/users/{userId}/enable',
  'POST /api/users/{userId}/invitation',
  'POST /api/api-keys/{keyId}/revoke',
  'POST /api/{resource}/{id}/attachments/{attachmentId}/complete',
]);
/** GET routes that take no query parameters (a record by id, its duplicates, settings): an unknown one is not read. */
const recordRead = /^GET \/api\/[a-z-]+\/\{id\}(\/duplicates)?$/;
const noQuery = new Set([
  'GET /api/users',
  'GET /api/api-keys',
  'GET /api/teams',
  'GET /api/sharing',
  'GET /api/portal/deals',
  'GET /api/portal/deals/{id}',
  'GET /api/portal/cases/{id}',
  'GET /api/forms',
  'GET /api/pipelines',
  'GET /api/pipelines/{pipelineId}',
  'GET /api/forms/{formId}',
  'GET /api/custom-fields/{recordType}',
  'GET /api/imports/{importId}',
  'GET /api/exports/{exportId}',
  'GET /api/leads/{leadId}',
  'GET /api/{resource}/{id}/attachments',
  'GET /api/{resource}/{id}/attachments/{attachmentId}/download',
  'GET /api/leads/{leadId}/duplicates',
]);

const send = async (route: (typeof routes)[number], options: Omit<Parameters<typeof apiEvent>[0], 'route'>) =>
  invoke(await handlerOf(route.function), apiEvent({ route: `${route.method} ${route.path}`, user: admin, ...options }));

const fieldPaths = (res: { body: { error?: { fields?: { path: string }[] } } }) => res.body.error?.fields?.map((f) => f.path) ?? [];

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
});

describe('bad input on every signed-in route', () => {
  it('covers the definition', () => {
    expect(routes.length).toBeGreaterThan(60);
  });

  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const params = paramsOf(route.path);
    const takesBody = route.method !== 'GET' && route.method !== 'DELETE' && !noBody.has(key);

    it(key, async () => {
      const before = (await allItems()).length;
      const good = Object.fromEntries(params.map((p) => [p, wellFormedParam(p)]));

      if (params.length > 0) {
        const res = await send(route, { pathParameters: Object.fromEntries(params.map((p) => [p, 'not an id!'])), ...(takesBody ? { body: {} } : {}) });
        expect(res.status, `${key} with malformed ${params.join(', ')}`).toBe(400);
        expect(fieldPaths(res).some((path) => params.some((p) => path === `path.${p}`)), `${key} names the parameter: ${fieldPaths(res).join(', ')}`).toBe(true);
      }
      if (takesBody) {
        const res = await send(route, { pathParameters: good, body: { notAField: true } });
        expect(res.status, `${key} with an unknown body field`).toBe(400);
        expect(fieldPaths(res), `${key} names the unknown field`).toContain('notAField');
        const notJson = await send(route, { pathParameters: good, rawBody: '{"broken', headers: { 'content-type': 'application/json' } });
        expect(notJson.status, `${key} with a broken JSON body`).toBe(400);
      }
      if (route.method === 'GET' && !noQuery.has(key) && !recordRead.test(key)) {
        const res = await send(route, { pathParameters: good, query: { notAParameter: 'x' } });
        expect(res.status, `${key} with an unknown query parameter`).toBe(400);
        expect(JSON.stringify(res.body.error)).toContain('notAParameter');
      }
      expect((await allItems()).length, `${key} wrote nothing`).toBe(before);
    });
  }
});

/** The path of every object in a body, the body itself first (`[]`), through arrays and nested objects. */
function objectPaths(value: unknown, path: string[] = []): string[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPaths(item, [...path, String(i)]));
  if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([key, item]) => objectPaths(item, [...path, key]))];
  return [];
}

/** A copy of `body` with an unknown field in the object at `path`. */
function withUnknownField(body: unknown, path: string[]): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const target = path.reduce<Record<string, unknown>>((object, key) => object[key] as Record<string, unknown>, copy);
  target.notAField = true;
  return copy;
}

describe('an unknown field anywhere in an otherwise valid body', () => {
  for (const route of routes.filter((r) => r.method !== 'GET' && r.method !== 'DELETE')) {
    const key = `${route.method} ${route.path}`;
    it(`${key}: is named, at whatever depth, and nothing is written`, async () => {
      const fixture = routeFixtures[key];
      expect(fixture, `${key}: no fixture in tests/support/route-fixtures.ts`).toBeDefined();
      const { user, body, ...request } = await fixture!.prepare(admin, variantsOf(key)[0]!);
      if (body === undefined) return void expect(noBody.has(key), `${key}: a valid request without a body is one of the routes that take none`).toBe(true);
      const before = (await allItems()).length;
      for (const path of objectPaths(body)) {
        const res = await send(route, { ...request, user: user ?? admin, body: withUnknownField(body, path) });
        const field = [...path, 'notAField'].join('.');
        expect(res.status, `${key} with ${field}`).toBe(400);
        expect(fieldPaths(res), `${key} names ${field}`).toContain(field);
      }
      expect((await allItems()).length, `${key} wrote nothing`).toBe(before);
    });
  }
});
