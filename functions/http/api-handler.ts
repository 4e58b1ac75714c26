import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import type { Actor } from '../../shared/domain/common/actor';
import { DomainError } from '../../shared/domain/common/errors';
import { withCorrelation } from '../../shared/events/correlation';
import { logger } from '../observability/logger';
import { actorFrom } from './actor';
import { auditCall } from './audit';
import { authorize } from './authorize';
import { throughEdge } from './edge';
import { errorResponse, json, zodIssues } from './responses';

/**
 * The one shape of a signed-in API handler: know the actor, check the route's permission and put
 * the call on the audit trail (which also refuses a disabled user) before reading any input,
 * validate path, query and body with zod (unknown fields rejected, each problem named by field),
 * run the use case, answer JSON.
 *
 * The handler also declares its answer: a zod schema the body must satisfy at compile time (it is
 * not re-validated at run time) and its success status. Both, with the input schemas, are exposed
 * on the returned handler as `schemas`, which the OpenAPI document is generated from (ADR 0017).
 */
type Schema = z.ZodType;
type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type Answer<S> = S extends z.ZodType ? z.output<S> : unknown;

/** The statuses a route may answer success with; 204 goes with `answer: noContent`. */
export type SuccessStatus = 200 | 201 | 202 | 204;

/** The answer of a route that answers nothing (204). */
export const noContent = z.undefined();

export interface RouteSchemas {
  readonly path?: Schema;
  readonly query?: Schema;
  readonly body?: Schema;
  readonly answer?: Schema;
  /** The status a successful call answers; 200 when absent. */
  readonly status?: SuccessStatus;
  /** The route may answer 409 `conflict`: the thing exists already, or is in a state that forbids the call. */
  readonly conflicts?: boolean;
}

export interface ApiRequest<P, Q, B> {
  actor: Actor & { type: 'user' };
  path: P;
  query: Q;
  body: B;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

export interface ApiReply<B = unknown, S extends SuccessStatus = SuccessStatus> {
  /** The declared status, if given at all: a route answers success one way. */
  status?: S;
  body: B;
}

export function apiHandler<
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
  AS extends Schema | undefined = undefined,
  S extends SuccessStatus = 200,
>(
  schemas: { path?: PS; query?: QS; body?: BS; answer?: AS; status?: S; conflicts?: boolean },
  run: (request: ApiRequest<Parsed<PS>, Parsed<QS>, Parsed<BS>>) => Promise<ApiReply<Answer<AS>, S>>,
) {
  const handler = middy<APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger))
    .use(throughEdge())
    .handler(async (event) => {
      try {
        const actor = actorFrom(event);
        try {
          authorize(event.routeKey, event.pathParameters, actor);
        } catch (refused) {
          await auditCall(event, actor, 'denied');
          throw refused;
        }
        await auditCall(event, actor, 'allowed');
        // The request roots a chain: the events its changes announce carry its id (ADR 0018).
        const reply = await withCorrelation(event.requestContext.requestId, () =>
          run({
            actor,
            event,
            path: parse(schemas.path, event.pathParameters ?? {}, 'path') as Parsed<PS>,
            query: parse(schemas.query, event.queryStringParameters ?? {}, 'query') as Parsed<QS>,
            body: parse(schemas.body, schemas.body ? jsonBody(event) : undefined, 'body') as Parsed<BS>,
          }),
        );
        return json(reply.status ?? schemas.status ?? 200, reply.body);
      } catch (error) {
        return errorResponse(error);
      }
    });
  return Object.assign(handler, { schemas: schemas as RouteSchemas });
}

function parse(schema: Schema | undefined, value: unknown, where: 'path' | 'query' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = zodIssues(result.error, where === 'body' ? undefined : where);
  throw new DomainError('validation_failed', fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
}

function jsonBody(event: APIGatewayProxyEventV2WithJWTAuthorizer): unknown {
  const type = event.headers['content-type'] ?? '';
  if (!event.body) throw new DomainError('validation_failed', 'A JSON body is required', { fields: [{ path: 'body', message: 'required', code: 'required' }] });
  if (!/^application\/json\b/i.test(type)) {
    throw new DomainError('unsupported_media_type', 'Send the body as application/json');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError('validation_failed', 'The body is not valid JSON', { fields: [{ path: 'body', message: 'not valid JSON', code: 'invalid_json' }] });
  }
}
