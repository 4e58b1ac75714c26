import { describe, expect, it } from 'vitest';
import { itemReadUnits, itemSize, numberSize, projectedItem, queryReadUnits, readUnitsOf, valueSize, writeCharges, type Item, type TableDeclaration } from '../../../bench/capacity-units';

const table: TableDeclaration = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: { type: 'ALL' } },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: { type: 'KEYS_ONLY' } },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: { type: 'INCLUDE', attributes: ['status'] } },
  ],
};
const s = (S: string) => ({ S });
const big = (bytes: number) => s('x'.repeat(bytes));

describe('item sizes (the DynamoDB item size rules)', () => {
  it('counts names and UTF-8 bytes of strings', () => {
    expect(itemSize({ pk: s('LEAD#1'), name: s('Иван') })).toBe(2 + 6 + 4 + 8);
  });
  it('counts numbers as one byte per two significant digits plus one', () => {
    expect(numberSize('12345')).toBe(4);
    expect(numberSize('1000')).toBe(2);
    expect(numberSize('-0.0012')).toBe(2);
    expect(valueSize({ N: '0' })).toBe(2);
  });
  it('counts raw binary bytes, booleans and nulls as one', () => {
    expect(valueSize({ B: Buffer.from('abcd').toString('base64') })).toBe(4);
    expect(valueSize({ BOOL: true })).toBe(1);
    expect(valueSize({ NULL: true })).toBe(1);
  });
  it('adds 3 bytes per list or map and 1 per element', () => {
    expect(valueSize({ L: [] })).toBe(3);
    expect(valueSize({ L: [s('ab'), { N: '1' }] })).toBe(3 + 1 + 2 + 1 + 2);
    expect(valueSize({ M: { a: s('xy') } })).toBe(3 + 1 + 1 + 2);
  });
});

describe('index projections', () => {
  const item: Item = { pk: s('P'), sk: s('S'), gsi2pk: s('A'), gsi2sk: s('B'), gsi3pk: s('C'), gsi3sk: s('D'), status: s('new'), name: s('n') };
  it('keeps keys only, or the keys and the included attributes', () => {
    expect(Object.keys(projectedItem(item, table.indexes[1]!, table)!).sort()).toEqual(['gsi2pk', 'gsi2sk', 'pk', 'sk']);
    expect(Object.keys(projectedItem(item, table.indexes[2]!, table)!).sort()).toEqual(['gsi3pk', 'gsi3sk', 'pk', 'sk', 'status']);
  });
  it('leaves an item without the index keys out (sparse)', () => {
    expect(projectedItem(item, table.indexes[0]!, table)).toBeUndefined();
  });
  it('treats a missing projection as ALL', () => {
    expect(projectedItem(item, { name: 'x', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' }, table)).toBe(item);
  });
});

describe('write units', () => {
  const total = (charges: { units: number }[]) => charges.reduce((sum, c) => sum + c.units, 0);
  it('charges a put 1 unit per started KB, twice inside a transaction', () => {
    expect(total(writeCharges({ after: { pk: s('P'), sk: s('S'), v: big(1100) } }, table))).toBe(2);
    expect(total(writeCharges({ after: { pk: s('P'), sk: s('S'), v: big(1100) }, transactional: true }, table))).toBe(4);
    expect(total(writeCharges({ after: { pk: s('P'), sk: s('S') } }, table))).toBe(1);
  });
  it('charges an update by the larger image and a delete by the deleted item', () => {
    expect(total(writeCharges({ before: { pk: s('P'), sk: s('S'), v: big(3000) }, after: { pk: s('P'), sk: s('S'), v: s('small') } }, table))).toBe(3);
    expect(total(writeCharges({ before: { pk: s('P'), sk: s('S'), v: big(2100) } }, table))).toBe(3);
  });
  it('adds one write per index the new item is in, by its projected size, not doubled in a transaction', () => {
    const charges = writeCharges({ after: { pk: s('P'), sk: s('S'), gsi1pk: s('LEADS'), gsi1sk: s('t'), gsi2pk: s('O'), gsi2sk: s('t'), v: big(1500) }, transactional: true }, table);
    expect(charges.map(({ bytes: _, ...c }) => c)).toEqual([
      { target: 'table', partition: 'P', units: 4 },
      { target: 'gsi1', partition: 'LEADS', units: 2 },
      { target: 'gsi2', partition: 'O', units: 1 },
    ]);
    // KEYS_ONLY: the index holds the table's and the index's keys.
    expect(charges[2]!.bytes).toBe(2 + 1 + 2 + 1 + 6 + 1 + 6 + 1);
  });
  it('writes an index key change as a delete and a put', () => {
    const before = { pk: s('P'), sk: s('S'), gsi3pk: s('STATUS#new'), gsi3sk: s('t'), status: s('new') };
    const after = { ...before, gsi3pk: s('STATUS#won'), status: s('won') };
    expect(writeCharges({ before, after }, table).filter((c) => c.target === 'gsi3').map(({ bytes: _, ...c }) => c)).toEqual([
      { target: 'gsi3', partition: 'STATUS#new', units: 1 },
      { target: 'gsi3', partition: 'STATUS#won', units: 1 },
    ]);
  });
  it('writes nothing to an index when only attributes it does not project changed', () => {
    const before = { pk: s('P'), sk: s('S'), gsi2pk: s('O'), gsi2sk: s('t'), gsi3pk: s('C'), gsi3sk: s('t'), status: s('new'), name: s('a') };
    const charges = writeCharges({ before, after: { ...before, name: s('b') } }, table);
    expect(charges.map((c) => c.target)).toEqual(['table']);
    expect(writeCharges({ before, after: { ...before, status: s('won') } }, table).map((c) => c.target)).toEqual(['table', 'gsi3']);
  });
  it('removes an item from an index when its key goes (sparse)', () => {
    const before = { pk: s('P'), sk: s('S'), gsi2pk: s('O'), gsi2sk: s('t') };
    expect(writeCharges({ before, after: { pk: s('P'), sk: s('S') } }, table)).toEqual([
      { target: 'table', partition: 'P', units: 1, bytes: 6 },
      { target: 'gsi2', partition: 'O', units: 1, bytes: 0 },
    ]);
  });
  it('charges a refused write and a condition check by the existing item, with no index write', () => {
    const existing = { pk: s('P'), sk: s('S'), gsi1pk: s('X'), gsi1sk: s('t'), v: big(1500) };
    expect(writeCharges({ before: existing, refused: true }, table).map((c) => [c.target, c.units])).toEqual([['table', 2]]);
    expect(writeCharges({ before: existing, conditionCheck: true }, table).map((c) => [c.target, c.units])).toEqual([['table', 4]]);
  });
});

describe('read units', () => {
  it('rounds each item to 4 KB; eventually consistent halves, transactional doubles', () => {
    expect(readUnitsOf(3500, 'strong')).toBe(1);
    expect(readUnitsOf(10 * 1024, 'strong')).toBe(3);
    expect(readUnitsOf(8 * 1024, 'eventual')).toBe(1);
    expect(readUnitsOf(8 * 1024, 'transactional')).toBe(4);
  });
  it('rounds batch items one by one, a query page as a whole', () => {
    const item = (bytes: number): Item => ({ v: big(bytes - 1) });
    expect(itemReadUnits([item(1536), item(6656)], 'strong')).toBe(3);
    expect(queryReadUnits([item(1536), item(6656)], 'strong')).toBe(2);
    expect(queryReadUnits([], 'eventual')).toBe(0.5);
    expect(itemReadUnits([undefined], 'eventual')).toBe(0.5);
  });
});
