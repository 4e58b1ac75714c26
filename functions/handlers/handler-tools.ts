import type { Context } from 'aws-lambda';
import type * as z from 'zod';
import { newId as timeOrderedId } from '../../shared/domain/common/clock';
import { logger } from '../observability/logger';

/**
 * What an event or schedule handler hands its consumer besides the input: the time, fresh ids
 * and the time left, injected so tests control them (ADR 0018).
 */
export interface HandlerTools {
  now(): Date;
  newId(): string;
  /** Milliseconds before the function is stopped (a long step hands over before then). */
  remainingMs(): number;
}

export type ToolOverrides = Partial<Pick<HandlerTools, 'now' | 'newId'>>;

export function toolsFor(context: Context, overrides: ToolOverrides = {}): HandlerTools {
  const now = overrides.now ?? (() => new Date());
  return {
    now,
    newId: overrides.newId ?? (() => timeOrderedId(now())),
    // A context without a deadline (a test calling the handler) leaves all the time in the world.
    remainingMs: () => (typeof context.getRemainingTimeInMillis === 'function' ? context.getRemainingTimeInMillis() : Number.POSITIVE_INFINITY),
  };
}

/** Input the handler cannot take: not retried into success, so it goes to the dead-letter queue as it is. */
export class MalformedInput extends Error {
  override readonly name = 'MalformedInput';
}

/**
 * Logs why the input was refused, with what identifies it, and throws: Lambda's asynchronous
 * retries fail alike and the event lands in the stack's dead-letter queue, nothing done.
 */
export function refuse(what: string, input: unknown, issues: readonly z.core.$ZodIssue[] | string): never {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const detail = (typeof raw.detail === 'object' && raw.detail !== null ? raw.detail : {}) as Record<string, unknown>;
  const problems = typeof issues === 'string' ? [issues] : issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`);
  logger.error(`Malformed ${what}; refused for the dead-letter queue`, {
    busEventId: raw.id,
    detailType: raw['detail-type'],
    eventId: detail.eventId,
    problems,
  });
  throw new MalformedInput(`Malformed ${what}: ${problems.join('; ')}`);
}
