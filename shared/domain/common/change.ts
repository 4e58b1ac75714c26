import type { TimelineEntry } from '../../api/contracts';
import { eventSourceOf, type DomainEvent } from '../../events/contracts';
import { actorRef, type Actor } from './actor';

/** What every pure command is given: who acts, when, and where fresh ids come from. */
export interface CommandContext {
  actor: Actor;
  now: Date;
  /** Fresh time-ordered ids: one for the record (on create) and one per entry/event. */
  newId: () => string;
}

/** A timeline entry of the change being made. */
export function entry(ctx: CommandContext, kind: TimelineEntry['kind'], extra: Partial<TimelineEntry> = {}): TimelineEntry {
  return { id: ctx.newId(), at: ctx.now.toISOString(), actor: actorRef(ctx.actor), kind, ...extra };
}

export function event<T extends DomainEvent['type']>(
  ctx: CommandContext,
  type: T,
  detail: Extract<DomainEvent, { type: T }>['detail'],
): DomainEvent {
  return { id: ctx.newId(), type, source: eventSourceOf(type), occurredAt: ctx.now.toISOString(), detail } as DomainEvent;
}
