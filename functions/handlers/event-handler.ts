import { makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { idempotencyFor, takeVersion } from '../../shared/adapters/idempotency';
import type { DomainEvent, DomainEventType } from '../../shared/events/contracts';
import { withCorrelation } from '../../shared/events/correlation';
import { eventDetailSchemas, publishedFieldsSchema } from '../../shared/events/detail-schemas';
import { logger } from '../observability/logger';
import { eventBridgeEnvelope } from './eventbridge-envelope';
import { refuse, toolsFor, type HandlerTools, type ToolOverrides } from './handler-tools';

/**
 * The one shape of a rule-triggered function (ADR 0018), beside `apiHandler`: the EventBridge
 * envelope and the detail of the event types it takes parsed with their schemas from the
 * contracts (anything else is logged and thrown, for the dead-letter queue); the log keyed by
 * event and correlation id; each event handled once (Powertools idempotency by event id); for an
 * order-sensitive consumer, an event older than the record's version it has taken is ignored.
 */
export type ConsumedEvent<K extends DomainEventType> = {
  [T in K]: {
    type: T;
    /** The domain event's id (the outbox's), the same however often the bus delivers it. */
    eventId: string;
    occurredAt: string;
    correlationId: string;
    detail: Extract<DomainEvent, { type: T }>['detail'];
  };
}[K];

export interface EventHandlerOptions<K extends DomainEventType> {
  /**
   * Order-sensitive consumers only: the record the event is about and its version after the
   * change. An event older than the newest version this consumer took is ignored.
   */
  orderBy?: (event: ConsumedEvent<K>) => { key: string; version: number };
  tools?: ToolOverrides;
}

export type Ignored = { ignored: 'older-version'; version: number };

type Run<K extends DomainEventType, R> = (event: ConsumedEvent<K>, tools: HandlerTools) => Promise<R>;
type Handler<R> = (event: unknown, context: Context) => Promise<R>;

export function eventHandler<K extends DomainEventType, R>(
  consumer: string,
  types: readonly [K, ...K[]],
  run: Run<K, R>,
  options: EventHandlerOptions<K> & Required<Pick<EventHandlerOptions<K>, 'orderBy'>>,
): Handler<R | Ignored>;
export function eventHandler<K extends DomainEventType, R>(consumer: string, types: readonly [K, ...K[]], run: Run<K, R>, options?: { tools?: ToolOverrides }): Handler<R>;
export function eventHandler<K extends DomainEventType, R>(consumer: string, types: readonly [K, ...K[]], run: Run<K, R>, options: EventHandlerOptions<K> = {}): Handler<R | Ignored> {
  let idempotent: ((event: ConsumedEvent<K>, context: Context) => Promise<R | Ignored>) | undefined;
  // The idempotency store is made on first use: importing a handler needs no environment.
  const once = () =>
    (idempotent ??= makeIdempotent(async (event: ConsumedEvent<K>, context: Context): Promise<R | Ignored> => {
      const tools = toolsFor(context, options.tools);
      const order = options.orderBy?.(event);
      if (order && !(await takeVersion(consumer, order.key, order.version, tools.now()))) {
        logger.info('Older than the version already handled; ignored', { record: order.key, version: order.version });
        return { ignored: 'older-version', version: order.version };
      }
      return run(event, tools);
    }, idempotencyFor(consumer, 'eventId')));

  return middy<unknown, R | Ignored, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (input, context) => {
      const event = consumed(input, types);
      logger.appendKeys({ consumer, eventType: event.type, eventId: event.eventId, correlationId: event.correlationId });
      const result = await withCorrelation(event.correlationId, () => once()(event, context));
      logger.info('Event handled', { result });
      return result;
    });
}

function consumed<K extends DomainEventType>(input: unknown, types: readonly K[]): ConsumedEvent<K> {
  const envelope = eventBridgeEnvelope.safeParse(input);
  if (!envelope.success) return refuse('event', input, envelope.error.issues);
  const type = envelope.data['detail-type'];
  if (!(types as readonly string[]).includes(type)) return refuse('event', input, `detail-type ${type} is not one this consumer takes (${types.join(', ')})`);
  const detail = eventDetailSchemas[type as K].extend(publishedFieldsSchema.shape).safeParse(envelope.data.detail);
  if (!detail.success) return refuse('event', input, detail.error.issues.map((issue) => ({ ...issue, path: ['detail', ...issue.path] })));
  const { eventId, occurredAt, correlationId, ...rest } = detail.data;
  // A chain of events keeps the id of the request that started it; a first event starts its own.
  return { type, eventId, occurredAt, correlationId: correlationId ?? eventId, detail: rest } as unknown as ConsumedEvent<K>;
}
