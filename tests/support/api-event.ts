import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Role } from '../../shared/auth/roles';
import { app } from '../../infra/definition/app';
import { edgeHeaders } from '../../shared/config/edge';
import { testEdgeSecret } from './local-env';

/**
 * API Gateway v2 events as the HTTP API hands them to a handler behind the app's edge (CloudFront
 * adds the edge secret and the viewer's address; API Gateway's own sourceIp is an edge server's),
 * for invoking handlers directly.
 */
export interface TestUser {
  sub: string;
  email: string;
  groups: Role[];
  /** A portal user's account: the `custom:accountId` claim. */
  accountId?: string;
  /** When the token was issued (the `iat` claim, epoch seconds). */
  issuedAt?: number;
}

export const admin: TestUser = { sub: 'user-admin', email: 'admin@example.com', groups: ['admin'] };
export const rep: TestUser = { sub: 'user-rep', email: 'rep@example.com', groups: ['sales-rep'] };
/**
 * Who calls when a test names no one: a sales rep, the most common user, whose calls the
 * record-level checks (own records only, ACC-2) actually bite on. A test that needs more names
 * the role its scenario is about.
 */
export const defaultUser = rep;

/** The definition's routes, those with fewer parameters first, so `/api/leads/duplicates` beats `/api/leads/{leadId}`. */
const routePatterns = app.routes
  .map((route) => ({ key: `${route.method} ${route.path}`, method: route.method, params: route.path.split('{').length, pattern: new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`) }))
  .sort((a, b) => a.params - b.params);

/** The route key API Gateway would match for a method and concrete path; the path itself when none does. */
export function routeKeyOf(method: string, path: string): string {
  return routePatterns.find((route) => route.method === method && route.pattern.test(path))?.key ?? `${method} ${path}`;
}

/** What API Gateway reports as the caller of every request that came through CloudFront. */
export const cloudFrontEdgeIp = '130.176.1.1';

export function apiEvent(options: {
  /** The route key, as API Gateway matched it (`PATCH /api/accounts/{id}`): sets method, path and routeKey. */
  route?: string;
  method?: string;
  path?: string;
  user?: TestUser | null;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  isBase64Encoded?: boolean;
  headers?: Record<string, string>;
  viewerIp?: string;
  /** false: a caller that went around the edge to the execute-api endpoint. */
  throughEdge?: boolean;
}): APIGatewayProxyEventV2WithJWTAuthorizer {
  if (options.route) {
    const [method, pattern] = options.route.split(' ') as [string, string];
    const path = pattern.replace(/\{(\w+)\}/g, (_, name: string) => options.pathParameters?.[name] ?? `{${name}}`);
    const { route: _route, ...rest } = options;
    const event = apiEvent({ ...rest, method, path });
    return { ...event, routeKey: options.route, requestContext: { ...event.requestContext, routeKey: options.route } };
  }
  const user = options.user === undefined ? defaultUser : options.user;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const headers = {
    ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...(options.throughEdge === false ? {} : { [edgeHeaders.secret]: testEdgeSecret, [edgeHeaders.viewerIp]: options.viewerIp ?? '203.0.113.7' }),
    ...options.headers,
  };
  return {
    version: '2.0',
    routeKey: routeKeyOf(options.method ?? 'GET', options.path ?? '/'),
    rawPath: options.path ?? '/',
    rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
    headers,
    ...(options.query ? { queryStringParameters: options.query } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    ...(body !== undefined ? { body } : {}),
    isBase64Encoded: options.isBase64Encoded ?? false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: options.method ?? 'GET', path: options.path ?? '/', protocol: 'HTTP/1.1', sourceIp: cloudFrontEdgeIp, userAgent: 'vitest' },
      requestId: `req-${Math.random().toString(36).slice(2)}`,
      routeKey: routeKeyOf(options.method ?? 'GET', options.path ?? '/'),
      stage: '$default',
      time: new Date().toISOString(),
      timeEpoch: Date.now(),
      authorizer: {
        principalId: '',
        integrationLatency: 0,
        jwt: {
          claims: user
            ? {
                sub: user.sub,
                email: user.email,
                'cognito:groups': `[${user.groups.join(' ')}]`,
                ...(user.accountId ? { 'custom:accountId': user.accountId } : {}),
                ...(user.issuedAt ? { iat: String(user.issuedAt) } : {}),
              }
            : {},
          scopes: [],
        },
      },
    },
  };
}

export const lambdaContext = { functionName: 'test', awsRequestId: 'test', getRemainingTimeInMillis: () => 10_000 } as unknown as Context;

type ApiHandler = (event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Context) => Promise<APIGatewayProxyStructuredResultV2 | string | object | void>;

/** Invokes a handler and returns status, headers and the parsed JSON body. */
export async function invoke<T = any>(handler: unknown, event: APIGatewayProxyEventV2WithJWTAuthorizer) {
  const result = (await (handler as ApiHandler)(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const text = typeof result.body === 'string' ? result.body : '';
  const isJson = String(result.headers?.['content-type'] ?? '').includes('json');
  return { status: result.statusCode ?? 200, headers: result.headers ?? {}, body: (isJson && text ? JSON.parse(text) : text) as T & { error?: any } };
}

/**
 * The same request as the integration API hands it on (ADR 0015): straight from the caller, no
 * edge headers, the key authorizer's context instead of JWT claims.
 */
export function apiKeyEvent(event: APIGatewayProxyEventV2WithJWTAuthorizer, context: Record<string, string>): APIGatewayProxyEventV2WithJWTAuthorizer {
  const headers = Object.fromEntries(Object.entries(event.headers).filter(([name]) => !(Object.values(edgeHeaders) as string[]).includes(name)));
  return { ...event, headers, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, sourceIp: '198.51.100.50' }, authorizer: { lambda: context } as never } };
}
