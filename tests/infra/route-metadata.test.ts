import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { apiRouteOf, apiRoutes } from '../../shared/api/routes/api-routes';
import { routeKeyOf, type ApiRoute } from '../../shared/api/routes/route';
import { routeOf } from '../../functions/http/route-table';

/**
 * Handlers read the routes' metadata from shared/api/routes; the definition's modules bind it to
 * functions (ADR 0017). The two must be the same routes, with the same access and permission.
 */
describe('route metadata', () => {
  it('the definition binds every route of shared/api/routes exactly once, and no other', () => {
    const bound = app.routes.map(({ function: _fn, ...route }) => route);
    const byKey = (a: Pick<ApiRoute, 'method' | 'path'>, b: Pick<ApiRoute, 'method' | 'path'>) => routeKeyOf(a).localeCompare(routeKeyOf(b));
    expect([...bound].sort(byKey)).toEqual([...apiRoutes].sort(byKey));
    expect(new Set(app.routes.map(routeKeyOf)).size).toBe(app.routes.length);
  });

  it('is what the handlers’ route table answers, and unknown keys are nobody’s', () => {
    for (const route of app.routes) expect(routeOf(routeKeyOf(route)), routeKeyOf(route)).toEqual(apiRouteOf(routeKeyOf(route)));
    expect(routeOf('GET /api/leads/{leadId}')).toMatchObject({ access: 'signed-in', permission: { subject: 'leads', action: 'read' } });
    expect(routeOf('GET /api/nothing')).toBeUndefined();
  });

  it('nothing under functions/ imports infra/, so no bundle carries the app definition', () => {
    const root = join(import.meta.dirname, '..', '..', 'functions');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => /from '(\.\.\/)+infra\//.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
