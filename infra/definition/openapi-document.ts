import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import type { RouteSchemas } from '../../functions/http/api-handler';
import type { ApiRouter } from '../../functions/http/api-router';
import { publicRouteSchemas, type PublicRouteSchemas } from '../../functions/openapi/public-route-schemas';
import { apiErrorSchema } from '../../shared/api/contracts';
import { routeKeyOf } from '../../shared/api/routes/route';
import { app } from './app';
import { isIntegrationRoute } from './integration-api';
import type { RouteDef } from './types';

/**
 * The API's OpenAPI 3.1 document, generated from the definition's routes and each route's zod
 * schemas (ADR 0017): apiHandler exposes them, apiRouter exposes its routes' handlers, the public
 * routes declare theirs in functions/openapi/public-route-schemas.ts. `npm run openapi`
 * writes it to shared/api/openapi.json, which GET /api/openapi.json serves; tests/infra/openapi.test.ts
 * fails when that file is not what this generates.
 */
type JsonSchema = Record<string, unknown>;
type Io = 'input' | 'output';

const repoRoot = join(import.meta.dirname, '..', '..');

/** Every route's schemas, read from the handlers the definition's functions export. */
export async function routeSchemas(): Promise<Map<string, PublicRouteSchemas>> {
  const found = new Map<string, PublicRouteSchemas>(Object.entries(publicRouteSchemas));
  for (const fn of app.functions) {
    if (!app.routes.some((route) => route.function === fn.id)) continue;
    const { handler } = (await import(pathToFileURL(join(repoRoot, fn.entry)).href)) as { handler: Partial<ApiRouter> & { schemas?: RouteSchemas } };
    if (handler.routes) for (const [key, route] of Object.entries(handler.routes)) if (route.schemas) found.set(key, route.schemas);
  }
  return found;
}

export async function openApiDocument(): Promise<JsonSchema> {
  const schemas = await routeSchemas();
  const named = new Map<string, JsonSchema>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of app.routes) {
    const key = routeKeyOf(route);
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, schemas.get(key) ?? {}, named);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Serverless CRM API',
      version: '1',
      description:
        "The CRM's HTTP API. People call it through the app's address with their Cognito token (bearer); servers call the integration API with an API key in X-Api-Key (ADR 0015), which serves the routes marked with that scheme. Errors are `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: '/', description: "The app's own address (web API); the integration API has its own endpoint with the same paths" }],
    paths,
    components: {
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The Cognito ID token of a signed-in user' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'An integration API key (ADR 0015), on the integration API only' },
      },
      schemas: { ApiError: jsonSchema(apiErrorSchema, 'output'), ...Object.fromEntries([...named].sort(([a], [b]) => a.localeCompare(b))) },
      responses: Object.fromEntries(Object.entries(errorAnswers).map(([status, description]) => [`Error${status}`, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } }])),
    },
  };
}

const errorAnswers = {
  400: 'Bad input: each offending field is named in `fields` by its dotted path',
  401: 'Not signed in, a disabled user or revoked key, or a stale token (`session_stale`: fetch a fresh one)',
  403: "The caller's roles do not allow this",
  404: 'No such record, or not one the caller may see',
  409: 'A version conflict (`currentVersion` names the stored one), or `conflict`: the thing exists already or its state forbids the call',
  413: 'The body is too large',
  415: 'The body is not sent as application/json',
  429: 'Too many requests (the integration API is throttled)',
} as const;

function operation(route: RouteDef, schemas: PublicRouteSchemas, named: Map<string, JsonSchema>): Record<string, unknown> {
  const pathParams = parameters(schemas.path, 'path');
  const queryParams = parameters(schemas.query, 'query');
  const signedIn = route.access === 'signed-in';
  const integration = isIntegrationRoute(route);
  const errors = new Set<keyof typeof errorAnswers>();
  if (schemas.path || schemas.query || schemas.body) errors.add(400);
  if (signedIn) for (const status of [401, 403] as const) errors.add(status);
  if (pathParams.length && signedIn) errors.add(404);
  if ((schemas.body && hasVersion(schemas.body)) || schemas.conflicts) errors.add(409);
  if (schemas.body) for (const status of [413, 415] as const) errors.add(status);
  if (integration) errors.add(429);
  for (const status of schemas.errors ?? []) errors.add(status);
  const status = schemas.status ?? 200;
  return {
    operationId: operationId(route),
    tags: [route.function],
    summary: summaryOf(route),
    security: signedIn ? [{ cognito: [] }, ...(integration ? [{ apiKey: [] }] : [])] : [],
    ...(pathParams.length || queryParams.length ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(schemas.body
      ? { requestBody: { required: true, content: Object.fromEntries((schemas.bodyTypes ?? ['application/json']).map((type) => [type, { schema: jsonSchema(schemas.body!, 'input', named) }])) } }
      : {}),
    responses: {
      [status]: answer(status, schemas.answer, named),
      ...Object.fromEntries(
        Object.entries(schemas.otherAnswers ?? {}).map(([code, other]) => [
          code,
          {
            description: other.description,
            ...(other.schema ? { content: { 'application/json': { schema: jsonSchema(other.schema, 'output', named) } } } : {}),
            ...(other.headers ? { headers: Object.fromEntries(Object.entries(other.headers).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
          },
        ]),
      ),
      ...Object.fromEntries([...errors].sort().map((code) => [code, { $ref: `#/components/responses/Error${code}` }])),
    },
  };
}

function answer(status: number, schema: z.ZodType | undefined, named: Map<string, JsonSchema>): Record<string, unknown> {
  if (status === 204) return { description: 'Done; no content' };
  return { description: 'Success', content: { 'application/json': { schema: schema ? jsonSchema(schema, 'output', named) : {} } } };
}

/** Path or query parameters: one per property of the (object) schema. */
function parameters(schema: z.ZodType | undefined, where: 'path' | 'query'): Record<string, unknown>[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input');
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  const named = Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
  // A query open to more names (the lists' `custom.<key>` filters, REC-9): one free-form parameter.
  const more = object.additionalProperties;
  if (where === 'query' && more && typeof more === 'object') {
    named.push({
      name: 'custom',
      in: 'query',
      required: false,
      description: 'Filters on custom fields, one parameter each: `custom.<key>=<value>` (REC-9)',
      style: 'form',
      explode: true,
      schema: { type: 'object', additionalProperties: more },
    } as (typeof named)[number]);
  }
  return named;
}

const hasVersion = (body: z.ZodType): boolean => 'version' in ((jsonSchema(body, 'input').properties ?? {}) as object);

/**
 * A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): what a client sends (input) or gets
 * (output). With `named`, each part given a title (`.meta({ title })`: a record type, a timeline
 * entry) is put there once and referred to, so the document names it instead of repeating it.
 */
export function jsonSchema(schema: z.ZodType, io: Io, named?: Map<string, JsonSchema>): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  // A recursive schema refers to itself by '#', which inside this document would mean the document.
  if (JSON.stringify(rest).includes('"$ref":"#"')) throw new Error('A route schema refers to itself: give it a name in components first');
  return named ? (hoistTitled(rest, io, named) as JsonSchema) : rest;
}

function hoistTitled(node: unknown, io: Io, named: Map<string, JsonSchema>): unknown {
  if (Array.isArray(node)) return node.map((item) => hoistTitled(item, io, named));
  if (!node || typeof node !== 'object') return node;
  const inner = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, hoistTitled(value, io, named)]));
  if (typeof inner.title !== 'string') return inner;
  // What a client sends and gets may differ (defaults, transforms): each has its own name.
  const name = io === 'output' ? inner.title : `${inner.title}Input`;
  const known = named.get(name);
  if (known && JSON.stringify(known) !== JSON.stringify(inner)) throw new Error(`Two different schemas are titled ${name}`);
  named.set(name, inner);
  return { $ref: `#/components/schemas/${name}` };
}

const operationId = (route: RouteDef): string =>
  [route.method.toLowerCase(), ...route.path.replace(/^\/api\//, '').split('/').map((segment) => segment.replace(/[{}.]/g, '').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()))]
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

const summaryOf = (route: RouteDef): string => {
  const permission = route.permission;
  if (route.access === 'public') return 'Public';
  if (!permission) return 'Any signed-in user';
  return 'subject' in permission ? `Needs ${permission.action} on ${permission.subject}` : `Needs ${permission.action} on the {${permission.subjectParam}} in the path`;
};
