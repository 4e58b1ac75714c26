import { useMemo } from 'react';
import { createHttpClient, type HttpClient } from './http-client';
import { useAuthSession } from '../auth/use-auth';

/**
 * The app's JSON client (same origin, the signed-in user's token, sign-out on 401) for the routes
 * the typed CrmApi does not list (records, imports, duplicates, exports, settings).
 */
export function useHttpClient(): HttpClient {
  const auth = useAuthSession();
  return useMemo(() => createHttpClient(auth), [auth]);
}
