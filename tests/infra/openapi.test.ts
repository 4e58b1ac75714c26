import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { isIntegrationRoute } from '../../infra/definition/integration-api';
import { jsonSchema, openApiDocument, routeSchemas } from '../../infra/definition/openapi-document';
import type { PublicRouteSchemas } from '../../functions/openapi/public-route-schemas';
import { routeKeyOf } from '../../shared/api/routes/route';

/**
 * The API describes itself (ADR 0017): every route declares its schemas, the committed document is
 * what they generate, and it is valid OpenAPI 3.1. So the document cannot drift as docs/api.md's
 * hand-written tables can.
 */
const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'api', 'openapi.json'), 'utf8')) as Record<string, any>;
let schemas: Map<string, PublicRouteSchemas>;
let fresh: Record<string, any>;

beforeAll(async () => {
  schemas = await routeSchemas();
  fresh = await openApiDocument();
});

const paramsOf = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const propertiesOf = (schema: PublicRouteSchemas['path']) => (schema ? Object.keys((jsonSchema(schema, 'input').properties ?? {}) as object).sort() : []);

describe('route schemas', () => {
  it('every route declares the path parameters it takes, exactly', () => {
    const wrong = app.routes.filter((route) => JSON.stringify(propertiesOf(schemas.get(routeKeyOf(route))?.path)) !== JSON.stringify(paramsOf(route.path))).map(routeKeyOf);
    expect(wrong).toEqual([]);
  });

  it('every route declares its answer (a 204 answers nothing)', () => {
    const missing = app.routes.filter((route) => {
      const declared = schemas.get(routeKeyOf(route));
      return !declared || (declared.status !== 204 && !declared.answer);
    });
    expect(missing.map(routeKeyOf)).toEqual([]);
  });
});

describe('the OpenAPI document', () => {
  it('is the committed shared/api/openapi.json (regenerate it: npm run openapi)', () => {
    expect(committed).toEqual(fresh);
  });

  it('is valid OpenAPI 3.1', async () => {
    const result = await validate(structuredClone(fresh) as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
    expect(fresh.openapi).toBe('3.1.0');
    // The validator is not vacuous: a path parameter the path does not name is refused.
    const broken = structuredClone(fresh);
    broken.paths['/api/health'].get.parameters = [{ name: 'x', in: 'path', required: true, schema: { type: 'string' } }];
    expect((await validate(broken as Parameters<typeof validate>[0])).valid).toBe(false);
  });

  it('lists every route once, with its security: none when public, the JWT, and the API key on integration routes', () => {
    const operations = Object.entries(fresh.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
    expect(operations.map((o) => o.key).sort()).toEqual(app.routes.map(routeKeyOf).sort());
    for (const route of app.routes) {
      const op = operations.find((o) => o.key === routeKeyOf(route))!.op;
      const expected = route.access === 'public' ? [] : [{ cognito: [] }, ...(isIntegrationRoute(route) ? [{ apiKey: [] }] : [])];
      expect(op.security, routeKeyOf(route)).toEqual(expected);
    }
    expect(fresh.components.securitySchemes).toEqual({
      cognito: expect.objectContaining({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }),
      apiKey: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }),
    });
  });

  it("gives a route the errors it can answer, in the error shape of functions/http/responses.ts", () => {
    const op = (path: string, method: string) => fresh.paths[path][method];
    const statuses = (path: string, method: string) => Object.keys(op(path, method).responses).sort();
    expect(statuses('/api/accounts/{id}', 'patch')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429']);
    expect(statuses('/api/session', 'post')).toEqual(['200', '401', '403']);
    // A conflict that is no version's: an open access request exists already.
    expect(statuses('/api/access-requests', 'post')).toEqual(['201', '400', '401', '403', '409', '413', '415']);
    expect(statuses('/api/health', 'get')).toEqual(['200', '503']);
    expect(statuses('/api/forms/{formId}/submissions', 'post')).toEqual(['202', '303', '400', '403', '404', '413', '415', '429']);
    // The lists' custom field filters are open-ended: one free-form query parameter.
    expect(op('/api/accounts', 'get').parameters.find((p: { name: string }) => p.name === 'custom')).toMatchObject({ in: 'query', style: 'form', explode: true, schema: { type: 'object' } });
    // A record type is named once and referred to: its kind's fields and the record base.
    expect(op('/api/accounts', 'post').responses['201'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Account' });
    expect(fresh.components.schemas.Account.properties).toMatchObject({ id: expect.any(Object), version: expect.any(Object), name: expect.any(Object), taxId: expect.any(Object) });
    expect(op('/api/accounts/duplicates/dismiss', 'post').responses).toMatchObject({ 204: { description: expect.any(String) } });
    expect(fresh.components.schemas.ApiError.properties.error.properties).toMatchObject({ code: { enum: expect.arrayContaining(['validation_failed', 'version_conflict']) }, fields: expect.any(Object) });
  });
});
