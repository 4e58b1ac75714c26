import { describe, expect, it } from 'vitest';
import { ownershipTransferSchema, type TransferResult } from '../../../shared/domain/ownership/ownership-transfer';
import { ApiRequestError } from '../../../web/src/api/api-error';
import type { HttpClient } from '../../../web/src/api/http-client';
import { pageSelectionState, selectRows, withoutRows } from '../../../web/src/records/list/row-selection';
import { summarizeTransfer, transferErrorKind } from '../../../web/src/records/transfer/transfer-outcome';
import { batchesOf, runTransfer, TransferStopped, transferResourceOf, type TransferProgress } from '../../../web/src/records/transfer/transfer-run';

/** The web's bulk transfer of ownership (ACC-2): rows chosen across pages, parts of 100, and the outcome in the dialog's terms. */
const ids = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

function fakeHttp(answer: (body: { ids: string[]; toOwnerId: string }, call: number) => TransferResult) {
  const calls: { path: string; body: { ids: string[]; toOwnerId: string } }[] = [];
  const http: HttpClient = {
    get: async () => undefined as never,
    post: async <T,>(path: string, body?: unknown) => {
      const sent = body as { ids: string[]; toOwnerId: string };
      calls.push({ path, body: sent });
      return answer(sent, calls.length) as T;
    },
    patch: async () => undefined as never,
    put: async () => undefined as never,
    delete: async () => undefined,
  };
  return { http, calls };
}

const allMoved = (body: { ids: string[] }): TransferResult => ({ moved: body.ids.length, items: body.ids.map((id) => ({ id, outcome: 'moved' })) });

describe('choosing rows', () => {
  it('keeps the chosen rows with their names across pages, and says how much of a page is chosen', () => {
    let selection = selectRows(new Map(), [{ id: 'a', label: 'Иванов' }, { id: 'b', label: 'Петров' }], true);
    selection = selectRows(selection, [{ id: 'c', label: 'Сидоров' }], true);
    expect([...selection]).toEqual([['a', 'Иванов'], ['b', 'Петров'], ['c', 'Сидоров']]);
    expect(pageSelectionState(selection, ['a', 'b'])).toBe('all');
    expect(pageSelectionState(selection, ['a', 'x'])).toBe('some');
    expect(pageSelectionState(selection, ['x', 'y'])).toBe('none');

    const before = selection;
    selection = selectRows(selection, [{ id: 'a', label: 'Иванов' }, { id: 'b', label: 'Петров' }], false);
    expect([...selection.keys()]).toEqual(['c']);
    expect(before.size).toBe(3);
    expect([...withoutRows(before, ['a', 'c', 'zz']).keys()]).toEqual(['b']);
  });
});

describe('the transfer run', () => {
  it('is offered for leads, accounts, contacts, deals and activities, not products', () => {
    expect(['leads', 'accounts', 'contacts', 'deals', 'activities', 'products', 'toString'].map(transferResourceOf)).toEqual([
      'leads',
      'accounts',
      'contacts',
      'deals',
      'activities',
      undefined,
      undefined,
    ]);
  });

  it('cuts the ids into parts the API accepts: at most 100 each', () => {
    expect(batchesOf(ids(250)).map((part) => part.length)).toEqual([100, 100, 50]);
    expect(batchesOf(ids(100))).toHaveLength(1);
    expect(batchesOf([])).toEqual([]);
    const recordIds = (n: number) => ids(n, '').map((i) => i.padStart(26, '0'));
    for (const part of batchesOf(recordIds(250))) expect(ownershipTransferSchema.safeParse({ ids: part, toOwnerId: 'u1' }).success).toBe(true);
    expect(ownershipTransferSchema.safeParse({ ids: recordIds(101), toOwnerId: 'u1' }).success).toBe(false);
  });

  it('sends the parts one after the other and reports the progress across them', async () => {
    const { http, calls } = fakeHttp(allMoved);
    const progress: TransferProgress[] = [];
    const results = await runTransfer(http, 'leads', { ids: [...ids(250), 'r0'], toOwnerId: 'u2' }, (p) => progress.push(p));
    expect(calls.map((c) => [c.path, c.body.ids.length, c.body.toOwnerId])).toEqual([
      ['/api/leads/transfer', 100, 'u2'],
      ['/api/leads/transfer', 100, 'u2'],
      ['/api/leads/transfer', 50, 'u2'],
    ]);
    expect(progress).toEqual([
      { part: 1, parts: 3, done: 0, total: 250 },
      { part: 2, parts: 3, done: 100, total: 250 },
      { part: 3, parts: 3, done: 200, total: 250 },
      { part: 3, parts: 3, done: 250, total: 250 },
    ]);
    expect(summarizeTransfer(results).counts.moved).toBe(250);
  });

  it('stops at a refused part, keeping the answers before it', async () => {
    const refused = new ApiRequestError(403, 'forbidden', 'The owner is outside your team', [{ path: 'ownerId', message: 'outside your team', code: 'forbidden' }]);
    const { http, calls } = fakeHttp((body, call) => {
      if (call === 2) throw refused;
      return allMoved(body);
    });
    const run = runTransfer(http, 'accounts', { ids: ids(250), toOwnerId: 'u2' }, () => undefined);
    await expect(run).rejects.toBeInstanceOf(TransferStopped);
    const stopped = (await run.catch((error: unknown) => error)) as TransferStopped;
    expect(stopped.failure).toBe(refused);
    expect(summarizeTransfer(stopped.results).answered).toEqual(ids(100));
    expect(calls).toHaveLength(2);
  });
});

describe('the outcome', () => {
  it('counts each outcome and lists the records that did not move', () => {
    const summary = summarizeTransfer([
      {
        moved: 2,
        items: [
          { id: 'a', outcome: 'moved' },
          { id: 'b', outcome: 'unchanged' },
          { id: 'c', outcome: 'not_found' },
          { id: 'd', outcome: 'moved' },
        ],
      },
      { moved: 0, items: [{ id: 'e', outcome: 'conflict' }] },
    ]);
    expect(summary).toEqual({
      counts: { moved: 2, unchanged: 1, not_found: 1, conflict: 1 },
      total: 5,
      failed: [
        { id: 'c', outcome: 'not_found' },
        { id: 'e', outcome: 'conflict' },
      ],
      answered: ['a', 'b', 'c', 'd', 'e'],
    });
  });

  it('tells a refusal apart: outside the team, no right to transfer, an unknown owner, anything else', () => {
    const forbidden = (message: string) => new ApiRequestError(403, 'forbidden', message, [{ path: 'ownerId', message, code: 'forbidden' }]);
    expect(transferErrorKind(forbidden('outside your team'))).toBe('outsideTeam');
    expect(transferErrorKind(forbidden('only a manager assigns records to others'))).toBe('forbidden');
    expect(transferErrorKind(new ApiRequestError(403, 'forbidden', 'Forbidden'))).toBe('forbidden');
    expect(transferErrorKind(new ApiRequestError(400, 'validation_failed', 'toOwnerId: no such user', [{ path: 'toOwnerId', message: 'no such user', code: 'not_found' }]))).toBe('unknownOwner');
    expect(transferErrorKind(new ApiRequestError(400, 'validation_failed', 'ids', [{ path: 'ids', message: 'too many', code: 'too_big' }]))).toBe('other');
    expect(transferErrorKind(ApiRequestError.network(new Error('offline')))).toBe('other');
    expect(transferErrorKind(new Error('boom'))).toBe('other');
  });
});
