import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseGroupsClaim } from '../../../functions/http/actor';
import { createJwtAuthorizer, stringifyClaims, type JwtAuthorizer } from '../../../infra/local/jwt-authorizer';

/**
 * The HTTP API JWT authorizer's checks (signature, issuer, audience or client_id, expiry) against a
 * JWKS served over http as cognito-local serves it, and the claims as API Gateway stringifies them.
 */
const clientId = 'web-client';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
let server: Server;
let issuer: string;
let authorizer: JwtAuthorizer;

function jwt(payload: Record<string, unknown>, key: KeyObject = privateKey, kid = 'local-key'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(payload)}`;
  return `${unsigned}.${sign('RSA-SHA256', Buffer.from(unsigned), key).toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const idToken = (overrides: Record<string, unknown> = {}) =>
  jwt({ sub: 'u-1', iss: issuer, aud: clientId, token_use: 'id', email: 'a@example.com', email_verified: true, 'cognito:groups': ['admin', 'sales-rep'], iat: now(), exp: now() + 3600, ...overrides });

beforeAll(async () => {
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'local-key', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    const found = req.url === '/local_pool/.well-known/jwks.json';
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    res.end(found ? JSON.stringify({ keys: [jwk] }) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/local_pool`;
  authorizer = await createJwtAuthorizer({ issuer, clientId });
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the local JWT authorizer', () => {
  it('accepts a valid ID token, with or without the Bearer prefix, and hands over string claims', () => {
    for (const header of [`Bearer ${idToken()}`, idToken()]) {
      const result = authorizer.authorize(header);
      expect(result?.claims).toMatchObject({ sub: 'u-1', email: 'a@example.com', email_verified: 'true', 'cognito:groups': '[admin sales-rep]', token_use: 'id' });
      expect(result?.scopes).toBeNull();
    }
  });

  it('accepts an access token naming the app client in client_id, with its scopes split', () => {
    const token = jwt({ sub: 'u-1', iss: issuer, client_id: clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin openid', iat: now(), exp: now() + 60 });
    expect(authorizer.authorize(`Bearer ${token}`)?.scopes).toEqual(['aws.cognito.signin.user.admin', 'openid']);
  });

  // Tokens are made inside the test, once the issuer's port is known.
  it.each([
    ['no header', () => undefined],
    ['an empty bearer', () => 'Bearer '],
    ['garbage', () => 'Bearer not.a.jwt'],
    ['an expired token', () => `Bearer ${idToken({ exp: now() - 60 })}`],
    ['another issuer', () => `Bearer ${idToken({ iss: 'http://127.0.0.1:1/other_pool' })}`],
    ['another app client', () => `Bearer ${idToken({ aud: 'someone-else' })}`],
    ['no audience at all', () => `Bearer ${idToken({ aud: undefined })}`],
    ['a foreign signature', () => `Bearer ${jwt({ sub: 'u-1', iss: issuer, aud: clientId, exp: now() + 60 }, stranger)}`],
    ['an unknown key id', () => `Bearer ${jwt({ sub: 'u-1', iss: issuer, aud: clientId, exp: now() + 60 }, privateKey, 'other-key')}`],
  ])('refuses %s', (_name, header) => {
    expect(authorizer.authorize(header())).toBeUndefined();
  });
});

describe('claims as API Gateway passes them', () => {
  it('renders every value as a string: arrays as "[a b]", numbers and booleans as text', () => {
    expect(stringifyClaims({ sub: 'u-1', 'cognito:groups': ['admin', 'sales-rep'], auth_time: 1767225600, email_verified: false, empty: [] })).toEqual({
      sub: 'u-1',
      'cognito:groups': '[admin sales-rep]',
      auth_time: '1767225600',
      email_verified: 'false',
      empty: '[]',
    });
  });

  it('is what the API handlers read the roles from', () => {
    const { 'cognito:groups': groups } = stringifyClaims({ 'cognito:groups': ['admin', 'sales-rep'] });
    expect(parseGroupsClaim(groups)).toEqual(['admin', 'sales-rep']);
  });
});
