import { apiErrorSchema, type ErrorCode, type FieldIssue } from '@shared/api/contracts';

/** A failed API call: the HTTP status and the error body's code, message and field issues. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network' | 'unknown',
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }

  get isConflict(): boolean {
    return this.code === 'version_conflict';
  }

  /** 404, or an id in the path that cannot name any record (the API rejects its format with 400). */
  get isNotFound(): boolean {
    return this.status === 404 || (this.code === 'validation_failed' && this.fields.some((field) => field.path.startsWith('path.')));
  }

  static async fromResponse(response: Response): Promise<ApiRequestError> {
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = apiErrorSchema.safeParse(body);
    if (!parsed.success) return new ApiRequestError(response.status, 'unknown', `${response.status} ${response.statusText}`.trim());
    const { code, message, fields, currentVersion } = parsed.data.error;
    return new ApiRequestError(response.status, code, message, fields ?? [], currentVersion);
  }

  static network(cause: unknown): ApiRequestError {
    return new ApiRequestError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
}

export const isApiError = (error: unknown): error is ApiRequestError => error instanceof ApiRequestError;

/** The refusals a screen says in its own words: already so (409), gone (404), not allowed (403); anything else is `other`. */
export type Refusal = 'conflict' | 'notFound' | 'forbidden' | 'other';

export function refusalOf(error: unknown): Refusal {
  if (!isApiError(error)) return 'other';
  if (error.status === 409) return 'conflict';
  if (error.status === 404) return 'notFound';
  if (error.status === 403) return 'forbidden';
  return 'other';
}
