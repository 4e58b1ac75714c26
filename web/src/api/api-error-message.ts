import { isApiError } from './api-error';
import type { Messages } from '../i18n/messages';

/** A failed request, said in the user's language where we know the case; the server's words otherwise. */
export function apiErrorMessage(error: unknown, t: Messages): string {
  if (!isApiError(error)) return t.app.unexpectedError;
  if (error.code === 'network') return t.errors.network;
  if (error.status === 403) return t.errors.forbidden;
  if (error.status === 429) return t.errors.rateLimited;
  if (error.status >= 500 || error.code === 'unknown') return t.app.unexpectedError;
  if (error.code === 'validation_failed') return t.errors.server;
  return error.message;
}
