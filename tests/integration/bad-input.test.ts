import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { putUser } from '../../shared/data/users-repository';
import { admin, apiEvent, invoke } from '../support/api-event';
import { handlerOf, paramsOf, wellFormedParam } from '../support/route-handlers';
import { allItems } from '../support/table-items';

/**
 * Bad input for every signed-in route of the app definition, through the function that serves it:
 * a malformed path parameter, an unknown query parameter and a body with an unknown field are
 * each answered 400 naming the offending field, and nothing is written. Generated from the
 * definition, so a new route is covered the day it is added.
 */
const routes = app.routes.filter((r) => r.access !== 'public');

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
