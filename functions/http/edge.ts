import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { edgeHeaders } from '../../shared/config/edge';
import { env } from '../../shared/config/runtime-env';
import { json } from './responses';

/**
 * API functions answer only requests that came through the app's edge (shared/config/edge.ts):
 * a call to the execute-api endpoint directly gets 403 before any handler code runs.
 */
export function throughEdge<E extends Pick<APIGatewayProxyEventV2, 'headers'>>(): MiddlewareObj<E, APIGatewayProxyStructuredResultV2> {
  return {
    before: (request) => {
      if (!cameThroughEdge(request.event.headers[edgeHeaders.secret])) {
        return json(403, { error: { code: 'forbidden', message: "Call the API at the app's own address" } });
      }
      return undefined;
    },
  };
}

function cameThroughEdge(presented: string | undefined): boolean {
  const expected = Buffer.from(env('edgeSecret'));
  const given = Buffer.from(presented ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The viewer's address as the edge saw it; API Gateway's own `sourceIp` is the edge server's. */
export function viewerIp(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): string {
  return event.headers[edgeHeaders.viewerIp] ?? event.requestContext.http.sourceIp;
}
