import { eventSourceOf, type DomainEvent, type DomainEventType } from '../../shared/events/contracts';
import type { EventPattern, PatternMatcher } from './types';

/**
 * Rule patterns built from the typed event contracts (shared/events/contracts.ts, ADR 0003): the
 * detail-type is a DomainEventType and the source is the one that announces it, so a misspelt
 * event fails the typecheck; a detail pattern may only name the event's own fields, and a field of
 * literal values (a record type, `from`) only match values it can hold.
 */
type DetailOf<K extends DomainEventType> = Extract<DomainEvent, { type: K }>['detail'];

/** Content filters beside exact values (ADR 0003 lists the ones the stack may use). */
type Filter = Exclude<PatternMatcher, string | number | boolean | null>;

type FieldPattern<V> = [V] extends [string | number | boolean] ? readonly (V | Filter)[] : V extends readonly unknown[] ? readonly PatternMatcher[] : DetailPattern<V>;

export type DetailPattern<D> = { readonly [F in keyof D]?: FieldPattern<Exclude<D[F], undefined>> };

export function ruleOn<K extends DomainEventType>(types: K | readonly [K, ...K[]], options: { detail?: DetailPattern<DetailOf<K>> } = {}): EventPattern {
  const detailTypes: readonly K[] = typeof types === 'string' ? [types] : types;
  const sources = [...new Set(detailTypes.map(eventSourceOf))];
  // One rule, one source: events of several sources need a rule each (EventBridge ANDs the fields).
  if (sources.length !== 1) throw new Error(`A rule on ${detailTypes.join(', ')} would need several sources: ${sources.join(', ')}`);
  return {
    source: sources,
    'detail-type': detailTypes,
    ...(options.detail ? { detail: options.detail as EventPattern } : {}),
  };
}
