import { JwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';

/**
 * The HTTP API's JWT authorizer, against cognito-local: the token must be signed by a key of the
 * pool's JWKS, come from the pool's issuer, be unexpired, and name the app client in `aud` (ID
 * token) or `client_id` (access token). cognito-local's issuer (`http://localhost:<port>/<pool>`)
 * is not a Cognito pool URL and its JWKS is served over http, so the generic verifier is given
 * the issuer and the JWKS fetched here (aws-jwt-verify's own fetcher speaks https only).
 */
export interface JwtAuthorizer {
  /** The verified claims, or undefined when the Authorization header does not carry a valid token. */
  authorize(authorization: string | undefined): { claims: Record<string, string>; scopes: string[] | null } | undefined;
}

export async function createJwtAuthorizer(options: { issuer: string; clientId: string }): Promise<JwtAuthorizer> {
  const response = await fetch(`${options.issuer}/.well-known/jwks.json`);
  if (!response.ok) throw new Error(`No JWKS at ${options.issuer}/.well-known/jwks.json (${response.status})`);
  const jwks = (await response.json()) as Jwks;
  const verifier = JwtVerifier.create({
    issuer: options.issuer,
    audience: null,
    customJwtCheck: ({ payload }) => {
      const audiences = [payload.aud, payload.client_id].flat();
      if (!audiences.includes(options.clientId)) throw new Error('The token was not issued to this app client');
    },
  });
  verifier.cacheJwks(jwks);
  return {
    authorize(authorization) {
      // The HTTP API takes the token with or without the "Bearer " prefix.
      const token = authorization?.replace(/^Bearer\s+/i, '').trim();
      if (!token) return undefined;
      let payload: JwtPayload;
      try {
        payload = verifier.verifySync(token);
      } catch {
        return undefined;
      }
      return {
        claims: stringifyClaims(payload),
        // Split from the access token's `scope` claim; an ID token carries none.
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : null,
      };
    },
  };
}

/**
 * Claims as the HTTP API hands them to a function: every value a string, arrays rendered as
 * "[a b]" (so `cognito:groups` arrives as "[admin sales-rep]"), numbers and booleans as text.
 */
export function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, claimText(value)]));
}

function claimText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(claimText).join(' ')}]`;
  if (typeof value === 'object' && value !== null) {
    // API Gateway is written in Go and prints objects as Go maps (sorted keys).
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `map[${entries.map(([k, v]) => `${k}:${claimText(v)}`).join(' ')}]`;
  }
  return String(value);
}
