import { isApiError } from '../../../api/api-error';

/**
 * The API refused the period (400 naming `query.from` or `query.to`): said as the period's own
 * problem. Apart from the URL params, which the routes (in the initial bundle) read.
 */
export function isPeriodRejected(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && error.fields.some((field) => field.path === 'query.from' || field.path === 'query.to');
}
