import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ZodError } from 'zod';
import type { ApiError, ErrorCode, FieldIssue } from '../../shared/api/contracts';
import { DomainError } from '../../shared/domain/common/errors';
import { resourceOf, type RecordType } from '../../shared/domain/records/record-type';
import { logger } from '../observability/logger';

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthorized: 401,
  session_stale: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  moved: 308,
  rate_limited: 429,
  internal: 500,
};

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...jsonHeaders, ...headers }, body: JSON.stringify(body) };
}

/** One issue per offending field; an unknown field is named itself, not its parent object. */
export function zodIssues(error: ZodError, prefix?: string): FieldIssue[] {
  const pathOf = (segments: PropertyKey[]) => [prefix, ...segments.map(String)].filter(Boolean).join('.') || (prefix ?? 'body');
  return error.issues.flatMap((issue): FieldIssue[] =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: pathOf([...issue.path, key]), message: 'unknown field', code: issue.code }))
      : [{ path: pathOf(issue.path), message: issue.message, code: issue.code }],
  );
}

/** Expected failures become their documented status; anything else is logged and hidden as 500. */
export function errorResult(error: unknown): { status: number; body: ApiError } {
  if (error instanceof DomainError) {
    const body: ApiError = { error: { code: error.code, message: error.message, ...error.details } };
    return { status: statusOf[error.code], body };
  }
  if (error instanceof ZodError) {
    const fields = zodIssues(error);
    return { status: 400, body: { error: { code: 'validation_failed', message: fields.map((f) => `${f.path}: ${f.message}`).join('; '), fields } } };
  }
  logger.error('Unhandled error', error as Error);
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side; try again later' } } };
}

export function errorResponse(error: unknown): APIGatewayProxyStructuredResultV2 {
  const { status, body } = errorResult(error);
  const mergedInto = body.error.mergedInto;
  // A merged record's id keeps working: clients follow the Location to the survivor.
  return json(status, body, mergedInto ? { location: `/api/${resourceOf(mergedInto.type as RecordType)}/${mergedInto.id}` } : {});
}
