import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../shared/data/cursor';

describe('cursors', () => {
  it('round-trips a key', () => {
    const key = { pk: 'LEAD#1', sk: 'LEAD', gsi1pk: 'LEADS', gsi1sk: '2026#1' };
    expect(decodeCursor(encodeCursor(key), ['pk', 'sk', 'gsi1pk', 'gsi1sk'])).toEqual(key);
  });
  it.each(['%%%', Buffer.from('[1,2]').toString('base64url'), encodeCursor({ pk: 'x', sk: 'y' })!])('refuses %s for another index', (cursor) => {
    expect(() => decodeCursor(cursor, ['pk', 'sk', 'gsi1pk', 'gsi1sk'])).toThrow(/cursor/);
  });
});
