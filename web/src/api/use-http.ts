import { useMemo } from 'react';
import { createHttpClient, type HttpClient } from './http-client';
import { useAuthSession } from '../auth/use-auth';

/**
 * The app's one JSON client (same origin, the signed-in user's token, sign-out on 401) for every
 * route: records (through records/records-http), users, imports, duplicates, exports, settings, search.
 */
export function useHttpClient(): HttpClient {
  const auth = useAuthSession();
  return useMemo(() => createHttpClient(auth), [auth]);
}
