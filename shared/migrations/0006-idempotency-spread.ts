import { spreadShard } from '../data/keys';
import { keyOf } from '../data/table-schema';
import type { Migration } from './migration';

/**
 * Consumers' idempotency records and version gates spread over 16 partitions each (issue 14 §1,
 * ADR 0018): those stored under `IDEMPOTENCY#<consumer>` move to `IDEMPOTENCY#<consumer>#<shard>`,
 * where the consumers now look, so an event handled before the deploy and delivered again after it
 * (EventBridge retries for up to a day) is still recognised, and a version gate still refuses an
 * older event. They expire within seven days anyway; a record the consumer has written at the new
 * key since is newer and kept.
 */
const unspread = /^IDEMPOTENCY#([^#]+)$/;

export const idempotencySpread: Migration = {
  id: '0006-idempotency-spread',
  version: 6,
  description: "consumers' idempotency records and version gates into their 16 partitions",
  scope: { pkPrefix: 'IDEMPOTENCY#' },
  apply(item) {
    const consumer = unspread.exec(item.pk)?.[1];
    if (!consumer) return undefined;
    const to = item.sk.startsWith('VERSION#')
      ? keyOf('idempotencyVersion', { consumer, shard: spreadShard(item.sk.slice('VERSION#'.length)), recordKey: item.sk.slice('VERSION#'.length) })
      : keyOf('idempotency', { consumer, shard: spreadShard(item.sk), hash: item.sk });
    return { move: { to: { ...item, ...to }, merge: {} } };
  },
};
