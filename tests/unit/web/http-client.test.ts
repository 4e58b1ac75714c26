import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../../web/src/api/api-error';
import { createHttpClient } from '../../../web/src/api/http-client';
import type { AuthSession } from '../../../web/src/auth/auth-session';

/**
 * The web's one JSON client, which quick search now goes through too: the query string, the
 * abort signal TanStack Query gives a search the user has typed past, and the failures.
 */
function client() {
  const signOut = vi.fn();
  const auth = { idToken: async () => 'token', freshIdToken: async () => 'fresh', isSignedIn: true, signOut } as unknown as AuthSession;
  return { http: createHttpClient(auth), signOut };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('createHttpClient', () => {
  it('sends the query without its empty values, the token and the abort signal, and answers the body', async () => {
    const fetch = vi.fn(async () => json(200, { items: [{ type: 'lead', id: 'L1', title: 'Иванова', ownerId: 'u1' }] }));
    vi.stubGlobal('fetch', fetch);
    const signal = new AbortController().signal;
    const body = await client().http.get<{ items: unknown[] }>('/api/search', { q: 'ива', limit: 10, types: undefined }, { signal });
    expect(body.items).toHaveLength(1);
    expect(fetch).toHaveBeenCalledWith('/api/search?q=%D0%B8%D0%B2%D0%B0&limit=10', {
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer token' },
      signal,
    });
  });

  it('rethrows an aborted request as the abort it is, not as a network failure', async () => {
    const controller = new AbortController();
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    vi.stubGlobal('fetch', vi.fn(async () => {
      controller.abort();
      throw abort;
    }));
    await expect(client().http.get('/api/search', { q: 'ив' }, { signal: controller.signal })).rejects.toBe(abort);
  });

  it('says a fetch that fails without an abort is a network failure', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const failure = await client().http.get('/api/search', { q: 'ив' }, { signal: new AbortController().signal }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect(failure).toMatchObject({ code: 'network', status: 0 });
  });

  it('ends the session when the API refuses the token', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { code: 'unauthorized', message: 'No' } })));
    const { http, signOut } = client();
    await expect(http.get('/api/search', { q: 'ив' })).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(signOut).toHaveBeenCalledWith('expired');
  });
});
