import * as z from 'zod';
import type { RouteSchemas } from '../http/api-handler';
import { formPath } from '../http/params';

/**
 * The schemas of the public routes, whose handlers are not apiHandlers (health, the web-to-lead
 * endpoint, this document): declared here for the OpenAPI document (ADR 0017).
 */
export interface PublicRouteSchemas extends RouteSchemas {
  /** The body's media types when not only JSON. */
  readonly bodyTypes?: readonly string[];
  /** Errors a public route gives beyond bad input (`{ error }` like any other route's). */
  readonly errors?: readonly (403 | 404 | 413 | 415 | 429)[];
  /** Other answers than the success one and the errors, by status. */
  readonly otherAnswers?: Readonly<Record<number, { description: string; schema?: z.ZodType; headers?: Record<string, string> }>>;
}

const healthAnswer = z.object({ status: z.enum(['ok', 'unavailable']), checks: z.object({ table: z.enum(['ok', 'failing']) }) });

export const publicRouteSchemas: Readonly<Record<string, PublicRouteSchemas>> = {
  'GET /api/health': {
    answer: healthAnswer.meta({ description: 'The function runs and its table answers.' }),
    otherAnswers: { 503: { description: 'The table does not answer.', schema: healthAnswer } },
  },
  'POST /api/forms/{formId}/submissions': {
    path: formPath,
    body: z.record(z.string(), z.string()).meta({ description: "The form's fields by name, as the form's settings map them to lead fields." }),
    bodyTypes: ['application/x-www-form-urlencoded', 'multipart/form-data', 'application/json'],
    answer: z.object({ status: z.literal('received') }).meta({ description: 'A script posting asks for JSON (Accept: application/json).' }),
    status: 202,
    // An unknown or disabled form, a page of another origin, a visitor posting too often.
    errors: [403, 404, 429],
    otherAnswers: { 303: { description: "A browser's form post: off to the form's thank-you page.", headers: { location: "The form's thank-you page" } } },
  },
  'GET /api/openapi.json': {
    answer: z.record(z.string(), z.unknown()).meta({ description: 'This document.' }),
  },
};
