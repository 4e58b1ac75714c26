import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { isRole, type Role } from '../../shared/auth/roles';
import type { Actor } from '../../shared/domain/common/actor';
import { DomainError } from '../../shared/domain/common/errors';

/**
 * The signed-in user, from the claims the HTTP API's JWT authorizer verified. API Gateway passes
 * every claim as a string and renders arrays such as `cognito:groups` as "[admin sales-rep]".
 */
export function parseGroupsClaim(value: unknown): Role[] {
  const raw: unknown[] = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.trim().startsWith('[') && value.includes('"')
        ? (JSON.parse(value) as unknown[])
        : value.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return raw.map(String).filter(isRole);
}

/**
 * What the integration API's key authorizer (functions/api-keys/authorize-api-key.ts) hands on:
 * the key acts as a user of its one role, under its own id.
 */
export interface ApiKeyContext {
  apiKeyId: string;
  actorId: string;
  name: string;
  role: string;
}

export function actorFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Actor & { type: 'user' } {
  const key = (event.requestContext.authorizer as { lambda?: Partial<ApiKeyContext> } | undefined)?.lambda;
  if (key?.apiKeyId && key.actorId && key.role && isRole(key.role)) {
    return { type: 'user', id: key.actorId, name: `${key.name ?? key.apiKeyId} (API key)`, roles: [key.role], apiKeyId: key.apiKeyId };
  }
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub === '') throw new DomainError('unauthorized', 'Sign in to continue');
  const email = typeof claims?.email === 'string' ? claims.email : undefined;
  const name = typeof claims?.name === 'string' ? claims.name : undefined;
  const accountId = typeof claims?.['custom:accountId'] === 'string' && claims['custom:accountId'] !== '' ? claims['custom:accountId'] : undefined;
  return {
    type: 'user',
    id: sub,
    ...(email ? { email } : {}),
    ...(name ? { name } : {}),
    roles: parseGroupsClaim(claims?.['cognito:groups']),
    ...(accountId ? { accountId } : {}),
  };
}
