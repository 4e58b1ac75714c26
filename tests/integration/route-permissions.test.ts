import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiRouter } from '../../functions/http/api-router';
import { app } from '../../infra/definition/app';
import { can, type Subject } from '../../shared/auth/permissions';
import { roles, type Role } from '../../shared/auth/roles';
import { putUser } from '../../shared/data/users-repository';
import { recordTypes, resourceOfType } from '../../shared/domain/records/record-type';
import { admin, apiEvent, invoke, type TestUser } from '../support/api-event';
import { pathVariants, routeFixtures, salesTeam, variantsOf } from '../support/route-fixtures';
import { handlerOf, paramsOf, wellFormedParam } from '../support/route-handlers';
import { allItems } from '../support/table-items';

/**
 * Route × role, generated from the app definition and the permission matrix (ACC-1): every
 * signed-in route is called as a user of every role, with every record type the route takes in
 * its path. A role the matrix denies gets 403 with no data, and nothing is written; a role it
 * allows gets the route's own success status for a valid request (tests/support/route-fixtures.ts:
 * records of the caller's, set up by an admin). A route without a fixture fails, so a new route or
 * a change to the matrix is covered the day it lands.
 */
const routes = app.routes.filter((r) => r.access === 'signed-in');

// Attachments, imports and exports keep their files here.
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'crm-files-'));
process.env.FILES_URL_SECRET = 'test-files-secret';

const userOf = (role: Role): TestUser => ({ sub: `user-${role}`, email: `${role}@example.com`, groups: [role] });

beforeAll(async () => {
  for (const role of roles) await putUser({ id: userOf(role).sub, email: userOf(role).email, roles: [role] });
  // The sales manager manages the rep, as in a real team: a manager's transfers stay within it.
  const teams = await invoke<{ version: number }>(await handlerOf('teams'), apiEvent({ route: 'GET /api/teams', user: admin }));
  await invoke(await handlerOf('teams'), apiEvent({ route: 'PUT /api/teams', user: admin, body: { version: teams.body.version, teams: [salesTeam] } }));
});

describe('every signed-in route, as every role', () => {
  it('has a valid request for every route: a new route needs its fixture', () => {
    expect(routes.map((route) => `${route.method} ${route.path}`).filter((key) => !routeFixtures[key])).toEqual([]);
  });

  it('tries a route with a record type in its path with every type it accepts, and only those', async () => {
    // Each record type, as a resource or a type name: what the route's own path schema takes is what it accepts.
    const universe: Record<string, readonly string[]> = { resource: Object.values(resourceOfType), recordType: recordTypes };
    for (const route of routes) {
      const key = `${route.method} ${route.path}`;
      for (const [param, values] of Object.entries(universe).filter(([name]) => route.path.includes(`{${name}}`))) {
        const accepted: string[] = [];
        for (const value of values) {
          const pathParameters = Object.fromEntries(paramsOf(route.path).map((p) => [p, p === param ? value : wellFormedParam(p)]));
          const res = await invoke<{ error?: { fields?: { path: string }[] } }>(
            await handlerOf(route.function),
            apiEvent({ route: key, user: admin, pathParameters, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }) }),
          );
          if (!(res.status === 400 && res.body.error?.fields?.some((field: { path: string }) => field.path === `path.${param}`))) accepted.push(value);
        }
        expect(accepted, `${key}: the ${param}s it accepts`).toEqual([...(pathVariants[key]?.[param] ?? [])]);
      }
    }
  });

  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const permission = route.permission;

    for (const variant of variantsOf(key)) {
      const subject = (permission && ('subject' in permission ? permission.subject : (variant[permission.subjectParam] ?? wellFormedParam(permission.subjectParam)))) as Subject | undefined;
      const allowed = (role: Role) => !permission || (subject !== undefined && can([role], subject, permission.action));
      const name = Object.keys(variant).length ? `${key} (${Object.values(variant).join(', ')})` : key;

      it(name, async () => {
        const fixture = routeFixtures[key];
        expect(fixture, `${key}: no fixture in tests/support/route-fixtures.ts`).toBeDefined();
        const handler = await handlerOf(route.function);
        for (const role of roles.filter(allowed)) {
          const { user, ...request } = await fixture!.prepare(userOf(role), variant);
          const needs = fixture!.alsoNeeds;
          const refused = needs && !can([role], needs.subject, needs.action);
          const before = refused ? (await allItems()).length : 0;
          const res = await invoke<{ error?: { code: string } }>(handler, apiEvent({ route: key, user: user ?? userOf(role), ...request }));
          if (!refused) {
            expect(res.status, `${name} as ${role}: allowed by the matrix, ${JSON.stringify(res.body)}`).toBe(fixture!.status);
            // What the OpenAPI document says of the route (ADR 0017) is what it answers: its status, and a body its answer schema takes.
            const declared = (handler as ApiRouter).routes[key]!.schemas!;
            expect(res.status, `${name}: the declared status`).toBe(declared.status ?? 200);
            if (res.status !== 204) expect(declared.answer!.safeParse(res.body).error?.issues, `${name} as ${role}: the answer as declared`).toBeUndefined();
          } else {
            expect(res.status, `${name} as ${role}: lacks ${needs.action} on ${needs.subject}, ${JSON.stringify(res.body)}`).toBe(403);
            expect((await allItems()).length, `${name} as ${role}: nothing written`).toBe(before);
          }
        }
        // Denied calls get made-up ids or empty bodies: none of them may write anything.
        const before = (await allItems()).length;
        for (const role of roles.filter((r) => !allowed(r))) {
          const pathParameters = Object.fromEntries(paramsOf(route.path).map((p) => [p, variant[p] ?? wellFormedParam(p)]));
          const event = apiEvent({ route: key, user: userOf(role), pathParameters, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }) });
          const res = await invoke<{ error?: { code: string } }>(handler, event);
          expect(res.status, `${name} as ${role}: denied by the matrix`).toBe(403);
          expect(Object.keys(res.body), `${name} as ${role}: no data`).toEqual(['error']);
        }
        expect((await allItems()).length, `${name}: the denied calls wrote nothing`).toBe(before);
      });
    }
  }

  it('denies the portal user every staff route: the session and the portal are all they reach', () => {
    const open = routes.filter((route) => !route.permission || ('subject' in route.permission && can(['portal-user'], route.permission.subject, route.permission.action)));
    expect(open.map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /api/session',
      'GET /api/portal/deals',
      'GET /api/portal/deals/{id}',
      'GET /api/portal/cases',
      'POST /api/portal/cases',
      'GET /api/portal/cases/{id}',
      'POST /api/portal/cases/{id}/comments',
      'POST /api/portal/cases/{id}/rating',
    ]);
  });
});
