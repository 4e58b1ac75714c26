import { describe, expect, it } from 'vitest';
import { passes } from '../../../infra/local/stream-poller';
import { app } from '../../../infra/definition/app';

/** The local poller's reading of a consumer's filter, as the stack's event source mapping reads it (issue 14 §5). */
const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', entity?: string) => ({
  eventName,
  dynamodb: { ...(entity ? { NewImage: { entity: { S: entity } } } : {}), Keys: { pk: { S: 'LEAD#1' }, sk: { S: 'LEAD' } } },
});

describe('a stream consumer filter', () => {
  it('lets the outbox take only inserted history entries', () => {
    const outbox = app.streamConsumers.find((c) => c.id === 'outbox')!.filter;
    expect(passes(record('INSERT', 'HISTORY'), outbox)).toBe(true);
    expect(passes(record('MODIFY', 'HISTORY'), outbox)).toBe(false);
    expect(passes(record('INSERT', 'LEAD'), outbox)).toBe(false);
  });

  it('lets search-derive take every record image, inserted or replaced, and merges’ redirects, but no removal or other item', () => {
    const derive = app.streamConsumers.find((c) => c.id === 'search-derive')!.filter;
    for (const entity of ['LEAD', 'ACCOUNT', 'CONTACT', 'DEAL', 'PRODUCT', 'ACTIVITY', 'CASE', 'REDIRECT']) {
      expect(passes(record('INSERT', entity), derive), entity).toBe(true);
      expect(passes(record('MODIFY', entity), derive), entity).toBe(true);
    }
    expect(passes(record('REMOVE'), derive)).toBe(false);
    for (const entity of ['HISTORY', 'SEARCH', 'DERIVED', 'MATCH']) expect(passes(record('MODIFY', entity), derive), entity).toBe(false);
  });
});
