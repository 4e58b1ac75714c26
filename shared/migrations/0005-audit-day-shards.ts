import { auditStorageKeys } from '../data/audit-repository';
import { families } from '../data/table-schema';
import type { Migration } from './migration';

/**
 * The audit trail's and usage counters' day partitions spread over shards (issue 14 §1, ADR 0014):
 * an entry stored under `AUDIT#<day>` moves to `AUDIT#<day>#<shard>`, a counter under `USAGE#<day>`
 * to `USAGE#<day>#<shard>` — merged into the counter the new code may have started for the same
 * user, query and day since the deploy (its count added). The by-actor index key does not change.
 */
const oldDay = /^(AUDIT|USAGE)#(\d{4}-\d{2}-\d{2})$/;

export const auditDayShards: Migration = {
  id: '0005-audit-day-shards',
  version: 5,
  description: 'audit entries and usage counters from their day partition into its shards',
  scope: { entities: [families.audit.entity, families.usage.entity] },
  apply(item) {
    const day = oldDay.exec(item.pk)?.[2];
    if (!day) return undefined;
    if (item.entity === families.audit.entity) {
      const at = String(item.at);
      return { move: { to: { ...item, ...auditStorageKeys.entry(at, String(item.id)) } } };
    }
    const split = item.sk.lastIndexOf('#');
    const key = auditStorageKeys.usage(day, item.sk.slice(0, split), item.sk.slice(split + 1));
    return { move: { to: { ...item, ...key }, merge: { add: ['count'] } } };
  },
};
