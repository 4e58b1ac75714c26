import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import openApi from '../../shared/api/openapi.json';
import { throughEdge } from '../http/edge';
import { json } from '../http/responses';

/**
 * GET /api/openapi.json (public): the API's OpenAPI 3.1 document, generated at build time into
 * shared/api/openapi.json (ADR 0017). It describes the routes and holds no data, so caches may keep it.
 */
export const handler = middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
  .use(throughEdge())
  .handler(async () => json(200, openApi, { 'cache-control': 'public, max-age=300' }));
