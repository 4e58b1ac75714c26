import { derivedImageOf } from '../data/derived-index';
import { mustHaveVersion } from '../data/record-item';
import { recordItem } from '../data/records-repository';
import { keyPrefixOf, recordTypes } from '../domain/records/record-type';
import type { Migration } from './migration';

/**
 * Record lists spread over shards (issue 14 §1): a record's index keys by creation, owner, status
 * and name gain its shard (`LEADS` → `LEADS#2`), as `recordItem` writes them now. Only the index
 * key attributes change, under the record's version (a user's save in between is re-read and
 * applied again); a record already in shape is left alone. Lists read the shards only, so a record
 * not yet migrated is missing from lists until its turn: the migration runs right after the deploy.
 */
const indexKeyAttributes = ['gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'gsi4pk', 'gsi4sk', 'gsi5pk', 'gsi5sk'] as const;

export const recordListShards: Migration = {
  id: '0004-record-list-shards',
  version: 4,
  description: 'record list index keys spread over 4 shards per type (by creation, owner, status, name)',
  scope: { entities: recordTypes.map(keyPrefixOf) },
  apply(item) {
    const image = derivedImageOf(item);
    if (!image || 'redirectOf' in image) return undefined;
    const fresh = recordItem(image.kind, image.record);
    const set: Record<string, unknown> = {};
    const remove: string[] = [];
    for (const attribute of indexKeyAttributes) {
      if (fresh[attribute] === item[attribute]) continue;
      if (fresh[attribute] === undefined) remove.push(attribute);
      else set[attribute] = fresh[attribute];
    }
    if (Object.keys(set).length === 0 && remove.length === 0) return undefined;
    return { update: { set, remove, condition: mustHaveVersion(image.record.version) } };
  },
};
