import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { TimelineEntry } from '../api/contracts';
import type { DomainEvent } from '../events/contracts';
import { correlated } from '../events/correlation';
import { dynamo, tableName } from './dynamo-client';
import { entities, historyKeys, outboxAttribute } from './keys';
import { conditionParams, type Condition } from './record-item';

/**
 * A record change as one TransactWriteItems: the record items and the history entries that
 * describe the change, the first of which also carries the change's domain events (the outbox).
 * Either all are written or none: an event exists exactly when its change does, and the stream
 * publishes it from there. One item per change instead of one per event keeps a web-to-lead
 * capture at three items (ADR 0002).
 */
export interface GuardedPut {
  item: Record<string, unknown> & { pk: string; sk: string };
  /** Condition the stored item must meet, e.g. a version match or absence. */
  condition?: Condition;
}

export interface ChangeSet {
  puts: GuardedPut[];
  /** Entries for the timeline of the record whose partition key is `recordPk`; the first one is the change's own. */
  history: { recordPk: string; entry: TimelineEntry }[];
  /** Published from the first history entry. */
  events: DomainEvent[];
  /** Items the change removes (a record's search terms it no longer has). */
  deletes?: { pk: string; sk: string }[];
}

/**
 * Several record changes as one: their items in order, the first change's history entry first
 * (it carries every event), so the whole commits as one transaction or not at all.
 */
export function combineChanges(first: ChangeSet, ...rest: ChangeSet[]): ChangeSet {
  const all = [first, ...rest];
  return {
    puts: all.flatMap((c) => c.puts),
    history: all.flatMap((c) => c.history),
    events: all.flatMap((c) => c.events),
    deletes: all.flatMap((c) => c.deletes ?? []),
  };
}

export class ConditionFailed extends Error {
  constructor(
    /** Index into `puts` of the first put whose condition failed. */
    readonly putIndex: number,
    /** The stored item that failed the condition, if any. */
    readonly current: Record<string, unknown> | undefined,
  ) {
    super(`Condition failed on put ${putIndex}`);
    this.name = 'ConditionFailed';
  }
}

export function buildTransaction(changes: ChangeSet, table: string) {
  if (changes.events.length > 0 && changes.history.length === 0) throw new Error('Events need a history entry to travel with');
  return {
    TransactItems: [
      ...changes.puts.map((put) => ({
        Put: {
          TableName: table,
          Item: put.item,
          ...(put.condition
            ? { ...conditionParams(put.condition), ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }
            : {}),
        },
      })),
      ...changes.history.map(({ recordPk, entry }, index) => ({
        Put: {
          TableName: table,
          Item: {
            ...historyKeys.item(recordPk, entry.at, entry.id),
            entity: entities.history,
            ...entry,
            ...(index === 0 && changes.events.length > 0 ? { [outboxAttribute]: changes.events.map(correlated) } : {}),
          },
        },
      })),
      ...(changes.deletes ?? []).map((key) => ({ Delete: { TableName: table, Key: key } })),
    ],
  };
}

export async function commitChange(changes: ChangeSet): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand(buildTransaction(changes, tableName())));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const index = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (index >= 0 && index < changes.puts.length) {
        const old = reasons[index]?.Item;
        throw new ConditionFailed(index, old ? unmarshall(old as Record<string, NativeAttributeValue>) : undefined);
      }
    }
    throw error;
  }
}
