import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { pingTable } from '../../shared/data/table-health';
import { throughEdge } from '../http/edge';
import { json } from '../http/responses';

/** Public health check: the function runs and its table answers (one cheap GetItem). */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(throughEdge())
  .handler(async () => {
    try {
      await pingTable();
      return json(200, { status: 'ok', checks: { table: 'ok' } });
    } catch {
      return json(503, { status: 'unavailable', checks: { table: 'failing' } });
    }
  });
