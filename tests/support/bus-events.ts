import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { eventSourceOf, type DomainEvent, type DomainEventType } from '../../shared/events/contracts';
import { lambdaContext } from './api-event';

/**
 * Events as the bus and the scheduler hand them to a function (ADR 0018): a domain event in its
 * EventBridge envelope with the fields the outbox publisher adds, and a Scheduler run.
 */
type DetailOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>['detail'];

export function busEvent<K extends DomainEventType>(type: K, detail: DetailOf<K>, options: { eventId?: string; occurredAt?: string } = {}) {
  const occurredAt = options.occurredAt ?? new Date().toISOString();
  return {
    version: '0',
    id: randomUUID(),
    account: '000000000000',
    region: 'eu-central-1',
    time: occurredAt.replace(/\.\d{3}Z$/, 'Z'),
    resources: [],
    source: eventSourceOf(type),
    'detail-type': type,
    detail: { ...detail, eventId: options.eventId ?? randomUUID(), occurredAt },
  };
}

/** A domain event from the outbox (a history entry's `events`) as the publisher puts it on the bus. */
export const published = (event: DomainEvent) => busEvent(event.type, event.detail as never, { eventId: event.id, occurredAt: event.occurredAt });

/** One attempt of a schedule's run planned for `time` (each attempt has its own execution id). */
export function scheduledEvent(scheduleId: string, time: string = new Date().toISOString()) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: '000000000000',
    time: new Date(time).toISOString(),
    region: 'eu-central-1',
    resources: [`arn:aws:scheduler:eu-central-1:000000000000:schedule/crm-test/${scheduleId}`],
    detail: {},
  };
}

type AnyHandler = (event: never, context: Context) => Promise<unknown>;

/** Invokes a rule or schedule handler as Lambda does. */
export const deliver = <R = any>(handler: unknown, event: object): Promise<R> => (handler as AnyHandler)(event as never, lambdaContext) as Promise<R>;
