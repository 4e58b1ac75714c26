import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { families } from '../../../shared/data/table-schema';
import { begin, end, keyFormatsSection } from './data-model-doc';

const doc = readFileSync(new URL('../../../docs/data-model.md', import.meta.url), 'utf8');

describe('docs/data-model.md', () => {
  it('states the key formats the table schema declares', () => {
    const from = doc.indexOf(begin);
    const to = doc.indexOf(end);
    expect(from, 'the generated section is missing').toBeGreaterThanOrEqual(0);
    // On a schema change, paste the expected text from this diff into the doc.
    expect(doc.slice(from, to + end.length)).toBe(keyFormatsSection());
  });

  it('describes, in its items table, exactly the entities the schema declares', () => {
    const itemsTable = doc.slice(doc.indexOf('## Items'), doc.indexOf('## Access patterns'));
    const described = new Set(
      itemsTable
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .flatMap((line) => [...line.split('|')[1]!.matchAll(/`([A-Z_]+)`/g)].map((m) => m[1]!)),
    );
    const recordTypes = ['LEAD', 'ACCOUNT', 'CONTACT', 'DEAL', 'PRODUCT', 'CASE'];
    const declared = new Set(Object.values(families).map((f) => f.entity).filter((e) => e !== '' && e !== '<prefix>'));
    expect([...described].filter((e) => !recordTypes.includes(e)).sort()).toEqual([...declared].sort());
  });
});
