import { AsyncLocalStorage } from 'node:async_hooks';
import type { DomainEvent } from './contracts';

/**
 * The correlation id of the work under way (ADR 0018): an event or schedule handler runs its
 * consumer inside the id of the event (or run) that started the chain, and every event the
 * consumer's changes announce carries it in its detail, so the next consumer logs the same id
 * (an import's steps and its ImportFinished, a merge's relinks). Work with none, a first event,
 * starts its own chain with its event id.
 */
const current = new AsyncLocalStorage<string>();

export const withCorrelation = <T>(correlationId: string, run: () => Promise<T>): Promise<T> => current.run(correlationId, run);

/** The event as it is written to the outbox: with the correlation id of the work that raised it, if any. */
export function correlated(event: DomainEvent): DomainEvent {
  const correlationId = current.getStore();
  return correlationId ? ({ ...event, detail: { ...event.detail, correlationId } } as unknown as DomainEvent) : event;
}
