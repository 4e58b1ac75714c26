import { pairKey } from '../data/duplicate-pairs';
import { families } from '../data/table-schema';
import { recordTypes, type RecordType } from '../domain/records/record-type';
import type { Migration } from './migration';

/**
 * The duplicates view's pairs spread over 4 shards per type (issue 14 §1): a side stored under
 * `DUPES#<type>` moves to `DUPES#<type>#<shard of its record>`, dismissal and all. The detector,
 * working on the new keys meanwhile, writes the same content there, so the move merges into it.
 */
const unspread = /^DUPES#([a-z]+)$/;

export const duplicatePairShards: Migration = {
  id: '0008-duplicate-pair-shards',
  version: 8,
  description: "duplicate pairs from their type's one partition into its 4 shards",
  scope: { entities: [families.duplicatePair.entity] },
  apply(item) {
    const type = unspread.exec(item.pk)?.[1];
    if (!type || !recordTypes.includes(type as RecordType)) return undefined;
    const [id, other] = item.sk.split('#') as [string, string];
    return { move: { to: { ...item, ...pairKey(type as RecordType, id, other) }, merge: {} } };
  },
};
