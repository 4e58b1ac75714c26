import { describe, expect, it } from 'vitest';
import type { HttpClient, QueryParams } from '../../../web/src/api/http-client';
import { batchedRecord } from '../../../web/src/records/record-batch';

/** The web's batched record reads: one `?ids=` request per tick and resource, each caller served its own. */
function fakeHttp(records: Record<string, { id: string; name: string }>, fail = false) {
  const calls: { path: string; query?: QueryParams }[] = [];
  const http: HttpClient = {
    get: async <T,>(path: string, query?: QueryParams) => {
      calls.push({ path, ...(query ? { query } : {}) });
      if (fail) throw new Error('offline');
      const ids = String(query?.ids ?? '').split(',');
      return { items: ids.flatMap((id) => (records[id] ? [records[id]] : [])) } as T;
    },
    post: async () => undefined as never,
    patch: async () => undefined as never,
    put: async () => undefined as never,
    delete: async () => undefined,
  };
  return { http, calls };
}

describe('batched record reads', () => {
  it('asks once for every id read in the same tick, and gives each caller its record', async () => {
    const { http, calls } = fakeHttp({ a: { id: 'a', name: 'А' }, b: { id: 'b', name: 'Б' } });
    const [a, b, again] = await Promise.all([batchedRecord(http, 'accounts', 'a'), batchedRecord(http, 'accounts', 'b'), batchedRecord(http, 'accounts', 'a')]);
    expect([a, b, again].map((r) => r.id)).toEqual(['a', 'b', 'a']);
    expect(calls).toEqual([{ path: '/api/accounts', query: { ids: 'a,b' } }]);
  });

  it('shares a batch between the clients of different components', async () => {
    const records = { a: { id: 'a', name: 'А' }, b: { id: 'b', name: 'Б' } };
    const first = fakeHttp(records);
    const second = fakeHttp(records);
    await Promise.all([batchedRecord(first.http, 'accounts', 'a'), batchedRecord(second.http, 'accounts', 'b')]);
    expect(first.calls).toEqual([{ path: '/api/accounts', query: { ids: 'a,b' } }]);
    expect(second.calls).toEqual([]);
  });

  it('keeps resources and ticks apart, answers 404 for an id that is gone, and passes a failure to every caller', async () => {
    const { http, calls } = fakeHttp({ a: { id: 'a', name: 'А' } });
    const missing = batchedRecord(http, 'accounts', 'zz');
    const contact = batchedRecord(http, 'contacts', 'a');
    await expect(missing).rejects.toMatchObject({ status: 404 });
    await contact;
    await batchedRecord(http, 'accounts', 'a');
    expect(calls.map((c) => `${c.path}?${String(c.query?.ids)}`)).toEqual(['/api/accounts?zz', '/api/contacts?a', '/api/accounts?a']);

    const down = fakeHttp({}, true);
    const results = await Promise.allSettled([batchedRecord(down.http, 'deals', 'x'), batchedRecord(down.http, 'deals', 'y')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(down.calls).toHaveLength(1);
  });

  it('splits more than 100 ids into requests of 100', async () => {
    const records = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`r${i}`, { id: `r${i}`, name: String(i) }]));
    const { http, calls } = fakeHttp(records);
    const all = await Promise.all(Object.keys(records).map((id) => batchedRecord(http, 'accounts', id)));
    expect(all).toHaveLength(150);
    expect(calls.map((c) => String(c.query?.ids).split(',').length)).toEqual([100, 50]);
  });
});
