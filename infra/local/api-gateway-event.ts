import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { RouteMatch } from './route-table';

/**
 * The HTTP API's Lambda proxy integration, payload format 2.0, both ways: a request becomes the
 * event API Gateway would send, and a handler's result becomes the response it would return.
 */
export type ApiEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: APIGatewayEventRequestContextJWTAuthorizer | { lambda: Record<string, unknown> } }
>;

export interface ApiRequest {
  method: string;
  /** Path and query exactly as received. */
  url: string;
  /** Node's alternating name/value list, which keeps repeated headers apart. */
  rawHeaders: readonly string[];
  body: Buffer;
  sourceIp: string;
  httpVersion: string;
  /** Local TCP port the request arrived on (for x-forwarded-port). */
  port: number;
}

export interface ApiContext {
  accountId: string;
  apiId: string;
  requestId: string;
  now: Date;
  /** The JWT authorizer's claims (the web API), or a Lambda authorizer's context (the integration API). */
  authorizer?: { claims: Record<string, string>; scopes: string[] | null } | { lambda: Record<string, unknown> };
}

const monthAbbr = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function buildApiEvent(request: ApiRequest, match: RouteMatch, context: ApiContext): ApiEvent {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt < 0 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt < 0 ? '' : request.url.slice(queryAt + 1).replace(/#.*$/, '');
  const { headers, cookies } = collectHeaders(request);
  const queryStringParameters = parseQuery(rawQueryString);
  const contentType = headers['content-type'];
  const hasBody = request.body.length > 0;
  const text = isTextContent(contentType);
  const host = headers.host ?? 'localhost';
  return {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies.length ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: context.accountId,
      apiId: context.apiId,
      ...(context.authorizer ? { authorizer: 'lambda' in context.authorizer ? { lambda: context.authorizer.lambda } : { jwt: context.authorizer } } : {}),
      domainName: host,
      domainPrefix: host.split('.')[0]!.split(':')[0]!,
      http: {
        method: request.method,
        path: rawPath,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: context.requestId,
      routeKey: match.routeKey,
      stage: '$default',
      time: clfTime(context.now),
      timeEpoch: context.now.getTime(),
    },
    ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
    ...(hasBody ? { body: request.body.toString(text ? 'utf8' : 'base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
}

/**
 * Header names lower-cased, repeated headers joined with commas, cookies moved to `cookies`, and
 * the x-forwarded-* headers API Gateway adds.
 */
function collectHeaders(request: ApiRequest): { headers: Record<string, string>; cookies: string[] } {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i]!.toLowerCase();
    const value = request.rawHeaders[i + 1]!;
    if (name === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()).filter(Boolean));
    else headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${request.sourceIp}` : request.sourceIp;
  headers['x-forwarded-port'] = String(request.port);
  headers['x-forwarded-proto'] = 'http';
  return { headers, cookies };
}

/** Values percent-decoded; a repeated key's values joined with commas, as the HTTP API does. */
function parseQuery(raw: string): Record<string, string> | undefined {
  if (!raw) return undefined;
  const params: Record<string, string> = {};
  for (const pair of raw.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? '' : decode(pair.slice(eq + 1));
    params[key] = params[key] === undefined ? value : `${params[key]},${value}`;
  }
  return Object.keys(params).length ? params : undefined;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Bodies API Gateway passes as UTF-8 text; anything else (multipart, binary, no type) is base64. */
export function isTextContent(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || type === 'application/json' || type.endsWith('+json') || type === 'application/x-www-form-urlencoded';
}

/** `$context.requestTime`: 12/Mar/2020:19:03:58 +0000. */
function clfTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getUTCDate())}/${monthAbbr[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

export const gatewayError = (statusCode: number, message: string, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message })),
});

/**
 * A handler's result as the HTTP API returns it: a structured result (one with `statusCode`)
 * as given; any other value as a 200 JSON body; a malformed result as a 500.
 */
export function toHttpResponse(result: unknown): HttpResponse {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify(result ?? null)) };
  }
  const r = result as APIGatewayProxyStructuredResultV2;
  const validHeaders = r.headers === undefined || (typeof r.headers === 'object' && r.headers !== null);
  if (!Number.isInteger(r.statusCode) || r.statusCode! < 100 || r.statusCode! > 599 || (r.body !== undefined && typeof r.body !== 'string') || !validHeaders) {
    console.error('[api] malformed Lambda proxy response', result);
    return gatewayError(500, 'Internal Server Error');
  }
  return {
    statusCode: r.statusCode!,
    headers: Object.fromEntries(Object.entries(r.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)])),
    cookies: r.cookies ?? [],
    body: r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body, r.isBase64Encoded ? 'base64' : 'utf8'),
  };
}
