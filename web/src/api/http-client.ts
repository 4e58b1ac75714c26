import type { AuthSession } from '../auth/auth-session';
import { ApiRequestError } from './api-error';

/**
 * JSON over fetch to the same-origin API, with the signed-in user's ID token. A 401 means the
 * session is no longer accepted: the session ends and the app returns to sign-in — unless it says
 * the token is stale (the user's roles changed), when the call is tried once more with a new one.
 */
export type QueryParams = Record<string, string | number | undefined>;

/** `signal`: aborts the request (a search the user has typed past); the abort is rethrown as it is, not as a network failure. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface HttpClient {
  get<T>(path: string, query?: QueryParams, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
}

export function createHttpClient(auth: AuthSession): HttpClient {
  async function request<T>(method: string, path: string, body?: unknown, query?: QueryParams, options: RequestOptions = {}): Promise<T> {
    const send = (token: string | undefined) => sendWith(method, path, body, query, token, options.signal);
    const response = await send(await auth.idToken());
    if (response.status === 401) {
      const error = await ApiRequestError.fromResponse(response);
      // The user's roles changed since the token was issued: one retry with a fresh token.
      if (error.code === 'session_stale') {
        const retried = await send(await auth.freshIdToken());
        if (retried.status !== 401) return answer<T>(retried);
      }
      if (auth.isSignedIn) auth.signOut('expired');
      throw error;
    }
    return answer<T>(response);
  }

  async function sendWith(method: string, path: string, body: unknown, query: QueryParams | undefined, token: string | undefined, signal: AbortSignal | undefined): Promise<Response> {
    if (!token) {
      // Signed out meanwhile (or the refresh failed, which already ended the session).
      if (auth.isSignedIn) auth.signOut('expired');
      throw new ApiRequestError(401, 'unauthorized', 'Not signed in');
    }
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await fetch(withQuery(path, query), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw ApiRequestError.network(error);
    }
  }

  async function answer<T>(response: Response): Promise<T> {
    if (!response.ok) throw await ApiRequestError.fromResponse(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    get: (path, query, options) => request('GET', path, undefined, query, options),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    put: (path, body) => request('PUT', path, body),
    delete: (path) => request('DELETE', path),
  };
}

function withQuery(path: string, query: QueryParams | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
