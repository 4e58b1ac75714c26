import { describe, expect, it } from 'vitest';
import { buildApiEvent, isTextContent, toHttpResponse, type ApiRequest } from '../../../infra/local/api-gateway-event';
import { RouteTable } from '../../../infra/local/route-table';

/** Requests become HTTP API payload 2.0 events, and handler results become responses, as API Gateway does. */
const table = new RouteTable([
  { method: 'POST', path: '/api/leads', function: 'leads-create', access: 'signed-in' },
  { method: 'GET', path: '/api/leads/{leadId}', function: 'leads-get', access: 'signed-in' },
  { method: 'POST', path: '/api/forms/{formId}/submissions', function: 'forms-submit', access: 'public' },
]);

function request(overrides: Partial<ApiRequest>): ApiRequest {
  return { method: 'GET', url: '/', rawHeaders: ['Host', 'localhost:3000'], body: Buffer.alloc(0), sourceIp: '203.0.113.9', httpVersion: '1.1', port: 3000, ...overrides };
}

const context = { accountId: '000000000000', apiId: 'local', requestId: 'req-1', now: new Date('2026-03-12T19:03:58.123Z') };

describe('buildApiEvent', () => {
  it('fills the payload 2.0 envelope: route key, raw path and query, request context', () => {
    const req = request({ url: '/api/leads/01ABC?limit=10&sort=createdAt', rawHeaders: ['Host', 'localhost:3000', 'User-Agent', 'curl/8'] });
    const event = buildApiEvent(req, table.match('GET', '/api/leads/01ABC')!, context);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /api/leads/{leadId}',
      rawPath: '/api/leads/01ABC',
      rawQueryString: 'limit=10&sort=createdAt',
      queryStringParameters: { limit: '10', sort: 'createdAt' },
      pathParameters: { leadId: '01ABC' },
      isBase64Encoded: false,
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: 'localhost:3000',
        domainPrefix: 'localhost',
        http: { method: 'GET', path: '/api/leads/01ABC', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8' },
        requestId: 'req-1',
        routeKey: 'GET /api/leads/{leadId}',
        stage: '$default',
        time: '12/Mar/2026:19:03:58 +0000',
        timeEpoch: Date.parse('2026-03-12T19:03:58.123Z'),
      },
    });
    expect(event).not.toHaveProperty('body');
    expect(event).not.toHaveProperty('cookies');
    expect(event.requestContext).not.toHaveProperty('authorizer');
  });

  it('lower-cases header names, joins repeated headers with commas, moves cookies out and adds x-forwarded-*', () => {
    const req = request({
      url: '/api/leads',
      method: 'POST',
      rawHeaders: ['Host', 'localhost:3000', 'X-Custom', 'a', 'x-custom', 'b', 'Cookie', 'sid=1; theme=dark', 'Accept-Language', 'ru'],
    });
    const event = buildApiEvent(req, table.match('POST', '/api/leads')!, context);
    expect(event.headers).toEqual({
      host: 'localhost:3000',
      'x-custom': 'a,b',
      'accept-language': 'ru',
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-port': '3000',
      'x-forwarded-proto': 'http',
    });
    expect(event.cookies).toEqual(['sid=1', 'theme=dark']);
  });

  it('joins a repeated query key with commas and percent-decodes keys and values', () => {
    const req = request({ url: '/api/leads?status=new&status=working&q=%D0%98%D0%B2%D0%B0%D0%BD&flag' });
    const event = buildApiEvent(req, table.match('GET', '/api/leads/x')!, context);
    expect(event.rawQueryString).toBe('status=new&status=working&q=%D0%98%D0%B2%D0%B0%D0%BD&flag');
    expect(event.queryStringParameters).toEqual({ status: 'new,working', q: 'Иван', flag: '' });
  });

  it('passes text bodies (JSON, urlencoded, text/*) as UTF-8 strings', () => {
    const match = table.match('POST', '/api/forms/website/submissions')!;
    for (const type of ['application/json; charset=utf-8', 'application/x-www-form-urlencoded', 'text/plain', 'application/problem+json']) {
      const body = type.includes('urlencoded') ? 'name=%D0%AF' : '{"name":"Фёдорова"}';
      const event = buildApiEvent(request({ method: 'POST', rawHeaders: ['Content-Type', type], body: Buffer.from(body) }), match, context);
      expect(event.isBase64Encoded, type).toBe(false);
      expect(event.body, type).toBe(body);
    }
  });

  it('passes multipart and binary bodies base64-encoded', () => {
    const match = table.match('POST', '/api/forms/website/submissions')!;
    const multipart = Buffer.from('--b\r\nContent-Disposition: form-data; name="name"\r\n\r\nЯна\r\n--b--\r\n');
    for (const [type, body] of [
      ['multipart/form-data; boundary=b', multipart],
      ['application/octet-stream', Buffer.from([0, 255, 1])],
      [undefined, Buffer.from('untyped')],
    ] as const) {
      const event = buildApiEvent(request({ method: 'POST', rawHeaders: type ? ['Content-Type', type] : [], body }), match, context);
      expect(event.isBase64Encoded, type).toBe(true);
      expect(Buffer.from(event.body!, 'base64').equals(body), type).toBe(true);
    }
  });

  it('carries the JWT authorizer context of a signed-in route', () => {
    const authorizer = { claims: { sub: 'u1', 'cognito:groups': '[admin sales-rep]' }, scopes: null };
    const event = buildApiEvent(request({ url: '/api/leads/1' }), table.match('GET', '/api/leads/1')!, { ...context, authorizer });
    expect(event.requestContext.authorizer).toEqual({ jwt: authorizer });
  });

  it('appends the caller to an incoming x-forwarded-for', () => {
    const event = buildApiEvent(request({ url: '/api/leads/1', rawHeaders: ['X-Forwarded-For', '198.51.100.1'] }), table.match('GET', '/api/leads/1')!, context);
    expect(event.headers['x-forwarded-for']).toBe('198.51.100.1, 203.0.113.9');
  });
});

describe('isTextContent', () => {
  it.each([
    ['application/json', true],
    ['APPLICATION/JSON; charset=utf-8', true],
    ['application/vnd.api+json', true],
    ['application/x-www-form-urlencoded', true],
    ['text/csv', true],
    ['multipart/form-data; boundary=x', false],
    ['image/png', false],
    [undefined, false],
  ])('%s → %s', (type, text) => expect(isTextContent(type)).toBe(text));
});

describe('toHttpResponse', () => {
  it('returns a structured result as given, with cookies and lower-cased header names', () => {
    const response = toHttpResponse({ statusCode: 201, headers: { 'Content-Type': 'application/json', 'X-Count': 3 }, cookies: ['a=1; HttpOnly', 'b=2'], body: '{"ok":true}' });
    expect(response.statusCode).toBe(201);
    expect(response.headers).toEqual({ 'content-type': 'application/json', 'x-count': '3' });
    expect(response.cookies).toEqual(['a=1; HttpOnly', 'b=2']);
    expect(response.body.toString()).toBe('{"ok":true}');
  });

  it('decodes a base64 body', () => {
    const response = toHttpResponse({ statusCode: 200, body: Buffer.from([1, 2, 3]).toString('base64'), isBase64Encoded: true });
    expect([...response.body]).toEqual([1, 2, 3]);
  });

  it('answers any value without statusCode as 200 JSON', () => {
    const object = toHttpResponse({ message: 'Привет' });
    expect(object.statusCode).toBe(200);
    expect(object.headers['content-type']).toBe('application/json');
    expect(JSON.parse(object.body.toString())).toEqual({ message: 'Привет' });
    expect(toHttpResponse('hello').body.toString()).toBe('"hello"');
    expect(toHttpResponse({ body: 'not structured' }).body.toString()).toBe('{"body":"not structured"}');
  });

  it('turns a malformed structured result into 500 Internal Server Error', () => {
    for (const bad of [{ statusCode: 'ok' }, { statusCode: 99 }, { statusCode: 200, body: { not: 'a string' } }]) {
      const response = toHttpResponse(bad);
      expect(response.statusCode).toBe(500);
      expect(JSON.parse(response.body.toString())).toEqual({ message: 'Internal Server Error' });
    }
  });
});
