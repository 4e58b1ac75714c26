import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { resourcesOfType, synthCached } from './support/synth';

/**
 * Every route anyone may call without signing in. Adding one is a security decision: it must be
 * made here, in review, not by a one-word change in the app definition.
 */
const publicRouteAllowList = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/forms/{formId}/submissions'];

describe('public routes', () => {
  it('the definition marks exactly the allow-listed routes public', () => {
    const publicInDefinition = app.routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicInDefinition.sort()).toEqual([...publicRouteAllowList].sort());
  });

  it.each(['acme', 'steppe'])('the %s stack leaves exactly the allow-listed routes without an authorizer', (client) => {
    const routes = Object.values(resourcesOfType(synthCached(client).template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!);
    const unauthenticated = routes.filter((r) => r.AuthorizationType !== 'JWT' || !r.AuthorizerId).map((r) => r.RouteKey as string);
    expect(unauthenticated.sort()).toEqual([...publicRouteAllowList].sort());
    // No catch-all route that would let an unknown path reach a function.
    expect(routes.map((r) => r.RouteKey)).not.toContain('$default');
  });
});
