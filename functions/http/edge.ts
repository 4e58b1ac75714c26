import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { edgeHeaders } from '../../shared/config/edge';
import { env } from '../../shared/config/runtime-env';
import { json } from './responses';

/**
 * API functions answer only requests that came through the app's edge (shared/config/edge.ts):
 * a call to the execute-api endpoint directly gets 403 before any handler code runs. The one
 * exception is the integration API (ADR 0015), called server to server without CloudFront: its
 * requests carry the context of the API key authorizer, which only API Gateway can set.
 */
type EdgeEvent = Pick<APIGatewayProxyEventV2, 'headers'> & { requestContext?: { authorizer?: unknown } };

export function throughEdge<E extends EdgeEvent>(): MiddlewareObj<E, APIGatewayProxyStructuredResultV2> {
  return {
    before: (request) => {
      if (viaIntegrationApi(request.event)) return undefined;
      if (!cameThroughEdge(request.event.headers[edgeHeaders.secret])) {
        return json(403, { error: { code: 'forbidden', message: "Call the API at the app's own address" } });
      }
      return undefined;
    },
  };
}

const viaIntegrationApi = (event: EdgeEvent): boolean => Boolean((event.requestContext?.authorizer as { lambda?: { apiKeyId?: unknown } } | undefined)?.lambda?.apiKeyId);

function cameThroughEdge(presented: string | undefined): boolean {
  const expected = Buffer.from(env('edgeSecret'));
  const given = Buffer.from(presented ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The viewer's address as the edge saw it; API Gateway's own `sourceIp` is the edge server's. */
export function viewerIp(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  return event.headers[edgeHeaders.viewerIp] ?? event.requestContext.http.sourceIp;
}
