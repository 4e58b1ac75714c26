import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalHttpServer } from '../../../infra/local/http-server';
import type { JwtAuthorizer } from '../../../infra/local/jwt-authorizer';
import { createLambdaRuntime } from '../../../infra/local/lambda-runtime';
import { accountId, fixtureDefinition, fixtureFunction, region } from './fixtures/definition';
import { behaviours, callsOf, reset } from './fixtures/handlers';

/**
 * The local HTTP server over real sockets: API Gateway's routing, payload limit, JWT check,
 * timeout and error answers around fixture handlers; the web UI and its runtime config.
 */
const definition = fixtureDefinition({
  functions: [fixtureFunction('health'), fixtureFunction('echo'), fixtureFunction('slow', 1), fixtureFunction('boom'), fixtureFunction('shaped')],
  routes: [
    { method: 'GET', path: '/api/health', function: 'health', access: 'public' },
    { method: 'POST', path: '/api/forms/{formId}/submissions', function: 'echo', access: 'public' },
    { method: 'GET', path: '/api/private', function: 'echo', access: 'signed-in' },
    { method: 'GET', path: '/api/slow', function: 'slow', access: 'public' },
    { method: 'GET', path: '/api/boom', function: 'boom', access: 'public' },
    { method: 'GET', path: '/api/shaped', function: 'shaped', access: 'public' },
  ],
  maxRequestBodyBytes: 1024,
});

/** Stands in for the Cognito check (tested on its own): one token is good. */
const authorizer: JwtAuthorizer = {
  authorize: (header) => (header === 'Bearer good' ? { claims: { sub: 'u-1', 'cognito:groups': '[admin]' }, scopes: null } : undefined),
};
const webConfig = { region, userPoolId: 'local_pool', userPoolClientId: 'client', cognitoEndpoint: 'http://localhost:9229', locale: 'ru', currency: 'RUB', timeZone: 'Europe/Moscow', displayName: 'Test' };
const base = mkdtempSync(join(tmpdir(), 'web-'));
const webDir = join(base, 'dist');
let server: LocalHttpServer;
let url: string;

beforeAll(async () => {
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  writeFileSync(join(base, 'secret.txt'), 'top secret');
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>CRM</title>');
  writeFileSync(join(webDir, 'thank-you.html'), '<p>Спасибо</p>');
  writeFileSync(join(webDir, 'assets', 'app-3f2a.js'), 'console.log(1)');
  const runtime = createLambdaRuntime(definition, { region, accountId });
  server = new LocalHttpServer({ definition, runtime, authorizer, webConfig, webDistDir: webDir, accountId, edgeSecret: 'local-edge-secret' });
  url = await server.listen(0);
});

afterAll(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

beforeEach(() => {
  reset();
  behaviours.set('echo', () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"echo":true}' }));
});

describe('the API', () => {
  it('answers GET /api/health with 503 until every part is up, then by its handler', async () => {
    behaviours.set('health', () => ({ statusCode: 200, body: 'healthy' }));
    const before = await fetch(`${url}/api/health`);
    expect(before.status).toBe(503);
    expect(callsOf('health')).toHaveLength(0);
    server.markReady();
    const after = await fetch(`${url}/api/health`);
    expect(after.status).toBe(200);
    expect(await after.text()).toBe('healthy');
    expect(callsOf('health')).toHaveLength(1);
  });

  it('hands a form post to its handler as a payload 2.0 event, text body as UTF-8', async () => {
    const response = await fetch(`${url}/api/forms/website/submissions?utm_source=yandex&utm_source=direct`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: 'a=1; b=2', origin: 'https://shop.example' },
      body: new URLSearchParams({ name: 'Фёдорова Дарья' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('apigw-requestid')).toBeTruthy();
    const event = callsOf('echo')[0]!.event;
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'POST /api/forms/{formId}/submissions',
      rawPath: '/api/forms/website/submissions',
      rawQueryString: 'utm_source=yandex&utm_source=direct',
      queryStringParameters: { utm_source: 'yandex,direct' },
      pathParameters: { formId: 'website' },
      cookies: ['a=1', 'b=2'],
      isBase64Encoded: false,
      body: 'name=%D0%A4%D1%91%D0%B4%D0%BE%D1%80%D0%BE%D0%B2%D0%B0+%D0%94%D0%B0%D1%80%D1%8C%D1%8F',
      requestContext: { http: { method: 'POST', sourceIp: '127.0.0.1' }, stage: '$default' },
    });
    expect(event.headers.origin).toBe('https://shop.example');
    expect(event.requestContext.authorizer).toBeUndefined();
  });

  it('plays CloudFront: adds the edge secret and the viewer address, overwriting what a viewer sent', async () => {
    await fetch(`${url}/api/forms/website/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-crm-edge-secret': 'guessed', 'x-crm-viewer-ip': '6.6.6.6' },
      body: 'hi',
    });
    const { headers } = callsOf('echo')[0]!.event;
    expect(headers['x-crm-edge-secret']).toBe('local-edge-secret');
    expect(headers['x-crm-viewer-ip']).toBe('127.0.0.1');
  });

  it('passes a multipart body base64-encoded, intact', async () => {
    const form = new FormData();
    form.set('name', 'Ёлкина Юлия');
    await fetch(`${url}/api/forms/website/submissions`, { method: 'POST', body: form });
    const event = callsOf('echo')[0]!.event;
    expect(event.isBase64Encoded).toBe(true);
    expect(event.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(Buffer.from(event.body, 'base64').toString('utf8')).toContain('Ёлкина Юлия');
  });

  it('refuses a body over the API payload limit with 413 before any handler runs', async () => {
    const response = await fetch(`${url}/api/forms/website/submissions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x'.repeat(1025) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(callsOf('echo')).toHaveLength(0);
  });

  it('answers 404 for a path or method no route has', async () => {
    for (const [method, path] of [['GET', '/api/nope'], ['DELETE', '/api/private'], ['GET', '/api']]) {
      const response = await fetch(`${url}${path}`, { method });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('lets a signed-in route through only with a valid token, and passes its claims', async () => {
    const anonymous = await fetch(`${url}/api/private`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: 'Unauthorized' });
    expect((await fetch(`${url}/api/private`, { headers: { authorization: 'Bearer forged' } })).status).toBe(401);
    expect(callsOf('echo')).toHaveLength(0);

    const signedIn = await fetch(`${url}/api/private`, { headers: { authorization: 'Bearer good' } });
    expect(signedIn.status).toBe(200);
    expect(callsOf('echo')[0]!.event.requestContext.authorizer).toEqual({ jwt: { claims: { sub: 'u-1', 'cognito:groups': '[admin]' }, scopes: null } });
  });

  it("answers 503 when the handler outlives the function's timeout", async () => {
    behaviours.set('slow', () => new Promise((resolve) => setTimeout(() => resolve({ statusCode: 200 }), 1_500)));
    const response = await fetch(`${url}/api/slow`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ message: 'Service Unavailable' });
    expect(callsOf('slow')[0]!.remainingMs).toBeLessThanOrEqual(1_000);
  });

  it('answers 500 when the handler throws', async () => {
    behaviours.set('boom', () => {
      throw new Error('bug');
    });
    const original = console.error;
    console.error = () => undefined;
    const response = await fetch(`${url}/api/boom`).finally(() => (console.error = original));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
  });

  it('maps a structured result: status, headers, cookies as Set-Cookie, a base64 body decoded', async () => {
    behaviours.set('shaped', () => ({
      statusCode: 202,
      headers: { 'X-Total': 7, 'content-type': 'application/octet-stream' },
      cookies: ['session=abc; HttpOnly', 'theme=dark'],
      body: Buffer.from([0, 1, 254, 255]).toString('base64'),
      isBase64Encoded: true,
    }));
    const response = await fetch(`${url}/api/shaped`);
    expect(response.status).toBe(202);
    expect(response.headers.get('x-total')).toBe('7');
    expect(response.headers.getSetCookie()).toEqual(['session=abc; HttpOnly', 'theme=dark']);
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([0, 1, 254, 255]);
  });

  it('answers a plain returned object as 200 JSON', async () => {
    behaviours.set('shaped', () => ({ leads: [], total: 0 }));
    const response = await fetch(`${url}/api/shaped`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ leads: [], total: 0 });
  });
});

describe('the web UI', () => {
  it('serves /config.json for the sign-in page', async () => {
    const response = await fetch(`${url}/config.json`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(webConfig);
  });

  it('serves files with their type; fingerprinted assets are cached for good, pages revalidated', async () => {
    const index = await fetch(`${url}/`);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(await index.text()).toContain('<title>CRM</title>');

    const asset = await fetch(`${url}/assets/app-3f2a.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    expect(await (await fetch(`${url}/thank-you.html`)).text()).toBe('<p>Спасибо</p>');
  });

  it('falls back to index.html for client-side routes, not for missing files', async () => {
    const route = await fetch(`${url}/leads/01ABC`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>CRM</title>');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
  });

  it('never serves a file outside the build folder', async () => {
    for (const path of ['/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e/secret.txt']) {
      expect(await (await fetch(`${url}${path}`)).text(), path).not.toContain('top secret');
    }
  });
});

describe('the app port', () => {
  /** Browsers take localhost for ::1 as well as 127.0.0.1: another process holding either would answer in our place. */
  it.each(['127.0.0.1', '::1'])('is refused with EADDRINUSE when another process listens on it at %s, never shared', async (host) => {
    const foreign = createNetServer();
    await new Promise<void>((resolve) => foreign.listen(0, host, resolve));
    const taken = (foreign.address() as { port: number }).port;
    const other = new LocalHttpServer({ definition, runtime: createLambdaRuntime(definition, { region, accountId }), authorizer, webConfig, webDistDir: webDir, accountId, edgeSecret: 's' });
    try {
      await expect(other.listen(taken)).rejects.toMatchObject({ code: 'EADDRINUSE' });
    } finally {
      await other.close();
      foreign.close();
    }
  });
});
