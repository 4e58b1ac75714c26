import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { can, permissionMatrix, recordSubjects, scopeOf, subjects } from '../../../shared/auth/permissions';
import { roles } from '../../../shared/auth/roles';

/** The permission matrix (ACC-1) and the routes that rely on it. */
describe('the permission matrix', () => {
  it('gives admins everything and portal users nothing of the staff API', () => {
    for (const subject of subjects) expect(scopeOf(['admin'], subject, 'read')).toBe('all');
    for (const subject of subjects) expect(can(['portal-user'], subject, 'read'), subject).toBe(subject === 'portal');
  });

  it('scopes sales records: reps their own, managers their team', () => {
    for (const subject of recordSubjects.filter((s) => s !== 'cases')) {
      expect(scopeOf(['sales-rep'], subject, 'read')).toBe('own');
      expect(scopeOf(['sales-manager'], subject, 'read')).toBe('team');
    }
    expect(can(['sales-rep'], 'deals', 'delete')).toBe(false);
    expect(can(['sales-rep'], 'users', 'manage')).toBe(false);
  });

  it('lets service work every case and sellers read them (SRV-1, ACC-3)', () => {
    expect(permissionMatrix['service-agent'].cases).toEqual({ read: 'all', create: 'all', update: 'all', link: 'all' });
    expect(scopeOf(['service-manager'], 'cases', 'transfer')).toBe('all');
    for (const role of ['sales-rep', 'sales-manager', 'executive'] as const) expect(permissionMatrix[role].cases).toEqual({ read: 'all' });
    expect(can(['marketer'], 'cases', 'read')).toBe(false);
    expect(permissionMatrix['portal-user']).toEqual({ portal: { read: 'own', create: 'own', update: 'own' } });
  });

  it('lets sellers hang records on their own clients, managers on the team’s, service on any account (SAL-12)', () => {
    for (const subject of ['leads', 'accounts', 'contacts', 'deals'] as const) {
      expect(scopeOf(['sales-rep'], subject, 'link')).toBe('own');
      expect(scopeOf(['sales-manager'], subject, 'link')).toBe('team');
      expect(scopeOf(['admin'], subject, 'link')).toBe('all');
    }
    for (const role of ['service-agent', 'service-manager'] as const) {
      expect(scopeOf([role], 'accounts', 'link')).toBe('all');
      expect(scopeOf([role], 'accounts', 'update')).toBeUndefined();
    }
    expect(scopeOf(['sales-rep'], 'products', 'link')).toBe('all');
    expect(can(['executive'], 'accounts', 'link')).toBe(false);
    expect(can(['marketer'], 'accounts', 'link')).toBe(false);
  });

  it('lets executives read and never write', () => {
    const writes = Object.values(permissionMatrix.executive).flatMap((grants) => Object.keys(grants ?? {}).filter((action) => action !== 'read'));
    // An export is a read of the list, written to a file of the executive's own; an access request is about themselves.
    expect(new Set(writes)).toEqual(new Set(['create', 'update']));
    expect(Object.entries(permissionMatrix.executive).filter(([, grants]) => grants?.create || grants?.update).map(([subject]) => subject).sort()).toEqual(['access-requests', 'exports']);
  });

  it('takes the widest scope when a user has several roles', () => {
    expect(scopeOf(['sales-rep', 'executive'], 'leads', 'read')).toBe('all');
    expect(scopeOf(['sales-rep', 'executive'], 'leads', 'update')).toBe('own');
    expect(scopeOf([], 'leads', 'read')).toBeUndefined();
  });

  it('names only known roles', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...roles].sort());
  });
});

describe('routes and permissions', () => {
  /** Every route anyone may call without signing in. A new one must be added here, knowingly. */
  const publicAllowList = ['GET /api/health', 'GET /api/openapi.json', 'POST /api/forms/{formId}/submissions'];
  /** Signed-in routes every role has, the portal user's too. */
  const anySignedIn = ['POST /api/session'];
  const key = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

  it('has no public route that is not on the allow-list', () => {
    expect(app.routes.filter((route) => route.access === 'public').map(key)).toEqual(publicAllowList);
  });

  it('has every other route declare the permission it needs', () => {
    const undeclared = app.routes.filter((route) => route.access === 'signed-in' && !route.permission).map(key);
    expect(undeclared).toEqual(anySignedIn);
    for (const route of app.routes) expect(route.access === 'public' && route.permission, key(route)).toBeFalsy();
  });

  it('leaves no route that only admins reach except settings and administration', () => {
    const onlyAdmin = app.routes.filter((route) => {
      const permission = route.permission;
      if (!permission || !('subject' in permission)) return false;
      return roles.filter((role) => can([role], permission.subject, permission.action)).join() === 'admin';
    });
    expect(onlyAdmin.map(key)).toEqual([
      'POST /api/users/invitations',
      'POST /api/users/{userId}/invitation',
      'PUT /api/users/{userId}/roles',
      'POST /api/users/{userId}/disable',
      'POST /api/users/{userId}/enable',
      'POST /api/access-requests/{requestId}/grant',
      'POST /api/access-requests/{requestId}/decline',
      'GET /api/api-keys',
      'POST /api/api-keys',
      'POST /api/api-keys/{keyId}/revoke',
      'PUT /api/custom-fields/{recordType}',
      'PUT /api/teams',
      'PUT /api/sharing',
      'GET /api/audit',
      'GET /api/audit/usage',
    ]);
  });
});
