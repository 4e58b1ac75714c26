import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { can, type Subject } from '../../shared/auth/permissions';
import { roles, type Role } from '../../shared/auth/roles';
import { putUser } from '../../shared/data/users-repository';
import { apiEvent, invoke, type TestUser } from '../support/api-event';
import { handlerOf, paramsOf, wellFormedParam } from '../support/route-handlers';
import { allItems } from '../support/table-items';

/**
 * Route × role, generated from the app definition and the permission matrix (ACC-1): every
 * signed-in route is called as a user of every role. A role the matrix denies gets 403 with no
 * data, and nothing is written; a role it allows gets past the check (whatever the handler then
 * says of the made-up ids). A new route or a change to the matrix is covered the day it lands.
 */
const routes = app.routes.filter((r) => r.access === 'signed-in');

const userOf = (role: Role): TestUser => ({ sub: `user-${role}`, email: `${role}@example.com`, groups: [role] });

beforeAll(async () => {
  for (const role of roles) await putUser({ id: userOf(role).sub, email: userOf(role).email, roles: [role] });
});

describe('every signed-in route, as every role', () => {
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    const permission = route.permission;
    const subject = (permission && ('subject' in permission ? permission.subject : wellFormedParam(permission.subjectParam))) as Subject | undefined;
    const allowed = (role: Role) => !permission || (subject !== undefined && can([role], subject, permission.action));

    it(key, async () => {
      const before = (await allItems()).length;
      const pathParameters = Object.fromEntries(paramsOf(route.path).map((p) => [p, wellFormedParam(p)]));
      for (const role of roles) {
        const event = apiEvent({ route: key, user: userOf(role), pathParameters, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { body: {} }) });
        const res = await invoke<{ error?: { code: string } }>(await handlerOf(route.function), event);
        if (allowed(role)) {
          expect(res.body?.error?.code, `${key} as ${role}: allowed by the matrix`).not.toBe('forbidden');
        } else {
          expect(res.status, `${key} as ${role}: denied by the matrix`).toBe(403);
          expect(Object.keys(res.body), `${key} as ${role}: no data`).toEqual(['error']);
        }
      }
      // Allowed calls got made-up ids or empty bodies: none of them may have written either.
      expect((await allItems()).length, `${key}: nothing written`).toBe(before);
    });
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
