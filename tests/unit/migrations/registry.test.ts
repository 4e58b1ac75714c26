import { describe, expect, it } from 'vitest';
import type { Migration } from '../../../shared/migrations/migration';
import { latestVersion, migrations } from '../../../shared/migrations/registry';
import { checkOrder } from '../../../shared/migrations/runner';

const stub = (id: string, version: number): Migration => ({ id, version, description: id, scope: { entities: ['X'] }, apply: () => undefined });

describe('the migrations registry', () => {
  it('is ordered: ids numbered from 0001, versions 1, 2, 3… in that order', () => {
    expect(() => checkOrder(migrations)).not.toThrow();
    migrations.forEach((m, i) => {
      expect(m.id).toMatch(new RegExp(`^${String(i + 1).padStart(4, '0')}-[a-z0-9-]+$`));
      expect(m.version).toBe(i + 1);
      expect('pkPrefix' in m.scope ? m.scope.pkPrefix.length : m.scope.entities.length).toBeGreaterThan(0);
    });
    expect(latestVersion).toBe(migrations.length);
  });

  it('refuses a repeated id or a version out of order', () => {
    expect(() => checkOrder([stub('0001-a', 1), stub('0001-a', 2)])).toThrow(/twice/);
    expect(() => checkOrder([stub('0001-a', 2), stub('0002-b', 2)])).toThrow(/after version 2/);
  });
});
