import { unmarshall, type NativeAttributeValue } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '../events/contracts';
import { outboxAttribute } from './keys';

/** The domain events a history entry carries (ADR 0002), read from its stream image as DynamoDB delivers it. */
export function outboxEventsOf(newImage: Record<string, unknown>): DomainEvent[] {
  const item = unmarshall(newImage as Record<string, NativeAttributeValue>);
  return (item[outboxAttribute] ?? []) as DomainEvent[];
}
