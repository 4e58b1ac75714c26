import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import type { ApiRouter } from '../../functions/http/api-router';

/**
 * A resource's function serves several routes through its router (functions/http/api-router.ts).
 * The definition stays the one list of routes: each router must serve exactly the routes the
 * definition sends to its function, and a function without a router exactly one.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const routedFunctions = [...new Set(app.routes.map((r) => r.function))];

describe.each(routedFunctions)('function %s', (id) => {
  it('serves exactly the routes the definition sends it', async () => {
    const def = app.functions.find((fn) => fn.id === id)!;
    const { handler } = (await import(pathToFileURL(join(repoRoot, def.entry)).href)) as { handler: Partial<ApiRouter> };
    const declared = app.routes.filter((r) => r.function === id).map((r) => `${r.method} ${r.path}`);
    if (handler.routeKeys) expect([...handler.routeKeys].sort()).toEqual(declared.sort());
    else expect(declared).toHaveLength(1);
  });
});

describe('a router', () => {
  it('answers 404 for a route key it does not serve, without running any route', async () => {
    const { apiRouter } = await import('../../functions/http/api-router');
    let ran = false;
    const router = apiRouter({ 'GET /api/things': async () => ((ran = true), { statusCode: 200 }) });
    const res = await router({ routeKey: 'GET /api/constructor' } as never, {} as never);
    expect(res.statusCode).toBe(404);
    expect(ran).toBe(false);
  });
});
