import type { APIGatewayRequestAuthorizerEventV2, APIGatewaySimpleAuthorizerWithContextResult } from 'aws-lambda';
import { identifyApiKey } from '../../shared/services/api-key-service';
import type { ApiKeyContext } from '../http/actor';

/**
 * The integration API's authorizer (HTTP API Lambda authorizer, simple responses): a known,
 * unrevoked `X-Api-Key` passes with the key's id, name and role as context; anything else is 401
 * from API Gateway. The functions then treat the key as the caller (functions/http/actor.ts), and
 * the audit write checks it again, so a revoked key stops at its next request despite caching.
 */
type Result = APIGatewaySimpleAuthorizerWithContextResult<ApiKeyContext | Record<string, never>>;

export const handler = async (event: Pick<APIGatewayRequestAuthorizerEventV2, 'headers'>): Promise<Result> => {
  const caller = await identifyApiKey(event.headers?.['x-api-key']);
  if (!caller) return { isAuthorized: false, context: {} };
  return { isAuthorized: true, context: { apiKeyId: caller.keyId, actorId: caller.actorId, name: caller.name, role: caller.role } };
};
