import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { kinds } from '../../../shared/domain/records/kinds';
import { families, fill, globalIndexes, indexes, indexKeyOf, indexPartitionKey, keyOf, partitionOf, primaryKey, retiredIndexes, tableIndexesVariable, ttlAttribute, type FamilyDeclaration } from '../../../shared/data/table-schema';

describe('the table schema', () => {
  it('declares the table definition’s primary key, indexes and TTL attribute', () => {
    // infra may not be imported by shared (ADR 0019), so the two declarations are held equal here.
    expect({ partitionKey: app.table.partitionKey, sortKey: app.table.sortKey }).toEqual(primaryKey);
    expect(app.table.globalIndexes).toEqual(globalIndexes.map((i) => ({ name: i.indexName, partitionKey: i.partitionKey, sortKey: i.sortKey, projection: i.projection })));
    expect(app.table.timeToLiveAttribute).toBe(ttlAttribute);
    expect(Object.values(indexes)).toEqual(globalIndexes.map((i) => i.indexName));
  });

  it('projects families only into declared indexes, with both keys formatted', () => {
    const names = new Set<string>(globalIndexes.map((i) => i.name));
    for (const [name, family] of Object.entries(families) as [string, FamilyDeclaration][]) {
      for (const [index, format] of Object.entries(family.indexes ?? {})) {
        expect(names.has(index), `${name} → ${index}`).toBe(true);
        expect(format?.pk.length, `${name} ${index} pk`).toBeGreaterThan(0);
        expect(format?.sk.length, `${name} ${index} sk`).toBeGreaterThan(0);
      }
    }
  });

  it('builds the keys stored data has, byte for byte (record lists with their shard since issue 14)', () => {
    expect(keyOf('record', { prefix: 'LEAD', id: '01H' })).toEqual({ pk: 'LEAD#01H', sk: 'LEAD' });
    expect(indexKeyOf('record', 'gsi1', { prefix: 'DEAL', shard: '2', createdAt: '2026-01-02T03:04:05.000Z', id: '01H' })).toEqual({ gsi1pk: 'DEALS#2', gsi1sk: '2026-01-02T03:04:05.000Z#01H' });
    expect(indexKeyOf('record', 'gsi2', { prefix: 'DEAL', ownerId: 'u1', shard: '0', createdAt: 't', id: '01H' })).toEqual({ gsi2pk: 'DEALS#OWNER#u1#0', gsi2sk: 't#01H' });
    expect(indexKeyOf('record', 'gsi3', { prefix: 'DEAL', status: 'won', shard: '3', createdAt: 't', id: '01H' })).toEqual({ gsi3pk: 'DEALS#STATUS#won#3', gsi3sk: 't#01H' });
    expect(indexKeyOf('record', 'gsi4', { prefix: 'CONTACT', parentPk: 'ACCOUNT#a1', createdAt: 't', id: '01H' })).toEqual({ gsi4pk: 'ACCOUNT#a1#CONTACTS', gsi4sk: 't#01H' });
    expect(indexKeyOf('record', 'gsi5', { prefix: 'ACCOUNT', shard: '1', sortName: 'ромашка', id: '01H' })).toEqual({ gsi5pk: 'ACCOUNTS#1', gsi5sk: 'ромашка#01H' });
    expect(keyOf('search', { termStart: 'ив', term: 'иванов', recordPk: 'LEAD#1' })).toEqual({ pk: 'SEARCH#ив', sk: 'иванов#LEAD#1' });
    expect(keyOf('import', { id: 'i1' })).toEqual({ pk: 'IMPORT#i1', sk: 'IMPORT' });
    expect(keyOf('importPlan', { id: 'i1', run: 'r', matchKey: 'email:a@b.c', row: '000007' })).toEqual({ pk: 'IMPORT#i1', sk: 'PLAN#r#email:a@b.c#000007' });
    expect(keyOf('user', { id: 's' })).toEqual({ pk: 'USER#s', sk: 'PROFILE' });
    expect(indexKeyOf('user', 'gsi1', { email: 'a@b.c' })).toEqual({ gsi1pk: 'USERS', gsi1sk: 'a@b.c' });
    expect(keyOf('teams', {})).toEqual({ pk: 'TEAMS', sk: 'TEAMS' });
    expect(partitionOf('idempotencyVersion', { consumer: 'c', shard: 'f' })).toBe('IDEMPOTENCY#c#f');
  });

  it('projects into each index what the lists filter on, and no more', () => {
    const projected = (name: string) => {
      const index = globalIndexes.find((i) => i.name === name)!;
      return index.projection.type === 'INCLUDE' ? index.projection.attributes : [];
    };
    // A list's FilterExpression sees only projected attributes: a kind's own filter on an attribute
    // left out would silently match nothing (records-repository listRecords).
    const kindFilters = Object.values(kinds).flatMap((kind) => Object.values(kind.filters ?? {}).map((path) => path[0]!));
    for (const index of globalIndexes) {
      expect(projected(index.name), index.name).toEqual(expect.arrayContaining(['ownerId', 'status', 'custom', ...kindFilters]));
      expect(projected(index.name).length, index.name).toBeLessThanOrEqual(6);
    }
    // The audit trail's by-actor list filters on these (audit-repository listAudit).
    expect(projected('gsi1')).toEqual(expect.arrayContaining(['subject', 'action']));
    // DynamoDB allows 100 projected attributes over all the indexes of a table.
    expect(globalIndexes.reduce((n, i) => n + projected(i.name).length, 0)).toBeLessThanOrEqual(100);
  });

  it('names the DynamoDB index each code index is served by, following TABLE_INDEXES between releases', () => {
    const before = process.env[tableIndexesVariable];
    try {
      delete process.env[tableIndexesVariable];
      expect(indexes.gsi1).toBe('gsi1-v2');
      process.env[tableIndexesVariable] = JSON.stringify({ gsi1: 'gsi1' });
      expect([indexes.gsi1, indexes.gsi2]).toEqual(['gsi1', 'gsi2-v2']);
      expect(indexPartitionKey('gsi1')).toBe('gsi1pk');
      expect(indexPartitionKey('gsi3-v2')).toBe('gsi3pk');
      expect(indexPartitionKey('nope')).toBeUndefined();
    } finally {
      if (before === undefined) delete process.env[tableIndexesVariable];
      else process.env[tableIndexesVariable] = before;
    }
    // Each retired index is replaced by a differently named one on the same keys.
    for (const retired of retiredIndexes) expect(globalIndexes.find((i) => i.name === retired.name)!.indexName).not.toBe(retired.indexName);
  });

  it('refuses a template part without a value', () => {
    expect(() => fill('A#<id>' as string, {} as never)).toThrow('no value for <id>');
  });
});
