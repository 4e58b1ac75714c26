import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { RouteSchemas } from './api-handler';
import { json } from './responses';

/**
 * One Lambda function per resource serves that resource's routes (ADR 0007): a function per route
 * costs a stack seven CloudFormation resources, and the CRM's routes would outgrow the 500 a stack
 * may hold. The HTTP API has already matched the route; its `routeKey` picks the route handler,
 * which keeps its own middleware (edge check, validation, errors). The definition still declares
 * every route, and tests/infra/api-routers.test.ts checks each router serves exactly those.
 */
// Route handlers are middy handlers typed for their own event; the router only passes events on.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RouteHandler = (event: any, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export type ApiRouter = ((event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>) & {
  readonly routeKeys: readonly string[];
  /** Each route's handler, whose `schemas` (apiHandler) the OpenAPI document is generated from. */
  readonly routes: Readonly<Record<string, RouteHandler & { readonly schemas?: RouteSchemas }>>;
};

export function apiRouter(routes: Record<string, RouteHandler>): ApiRouter {
  const handler = async (event: APIGatewayProxyEventV2, context: Context) => {
    const route = Object.hasOwn(routes, event.routeKey) ? routes[event.routeKey] : undefined;
    if (!route) return json(404, { error: { code: 'not_found', message: `No route ${event.routeKey}` } });
    return route(event, context);
  };
  return Object.assign(handler, { routeKeys: Object.keys(routes), routes });
}
