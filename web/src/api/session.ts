import type { UserSummary } from '@shared/api/contracts';
import type { HttpClient } from './http-client';

/** Records a sign-in (`POST /api/session`): the user as the API knows them. Called by the session itself, outside React. */
export const startSession = (http: HttpClient): Promise<UserSummary> => http.post<UserSummary>('/api/session');
