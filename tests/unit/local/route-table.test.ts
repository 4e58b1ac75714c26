import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { RouteTable } from '../../../infra/local/route-table';

/** Route selection as the HTTP API does it: method, whole segments, the most specific route first. */
describe('RouteTable', () => {
  const table = new RouteTable(app.routes);

  it('matches every route of the app definition by its own method and path', () => {
    for (const route of app.routes) {
      const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => `sample-${name}`);
      const match = table.match(route.method, path);
      expect(match?.route, `${route.method} ${route.path}`).toBe(route);
      expect(match?.routeKey).toBe(`${route.method} ${route.path}`);
    }
  });

  it('captures path parameters, decoded', () => {
    expect(table.match('GET', '/api/leads/01H%20X')?.pathParameters).toEqual({ leadId: '01H X' });
    expect(table.match('GET', '/api/leads')?.pathParameters).toBeUndefined();
  });

  it('does not match another method, a longer or shorter path, a trailing slash or an empty segment', () => {
    expect(table.match('DELETE', '/api/leads/1')).toBeUndefined();
    expect(table.match('GET', '/api/leads/1/timeline/extra')).toBeUndefined();
    expect(table.match('GET', '/api/leads/')).toBeUndefined();
    expect(table.match('GET', '/api')).toBeUndefined();
  });

  it('prefers a literal segment over a variable', () => {
    const t = new RouteTable([
      { method: 'GET', path: '/api/forms/{formId}', function: 'by-id', access: 'public' },
      { method: 'GET', path: '/api/forms/export', function: 'export', access: 'public' },
    ]);
    expect(t.match('GET', '/api/forms/export')?.route.function).toBe('export');
    expect(t.match('GET', '/api/forms/website')?.route.function).toBe('by-id');
  });

  it('refuses paths it cannot serve exactly as the HTTP API would', () => {
    const route = (path: string) => [{ method: 'GET' as const, path, function: 'f', access: 'public' as const }];
    expect(() => new RouteTable(route('/api/{proxy+}'))).toThrow(/whole-segment/);
    expect(() => new RouteTable(route('/api/x{id}'))).toThrow(/whole-segment/);
    expect(() => new RouteTable(route('api/x'))).toThrow(/start with/);
    expect(() => new RouteTable([...route('/a'), ...route('/a')])).toThrow(/declared twice/);
  });
});
