import { phoneMigrations, previousReleasePhoneDigits } from '../domain/migrations/phones-e164';
import { kinds } from '../domain/records/kinds';
import type { RecordBase, RecordType } from '../domain/records/record-type';
import { matchIndexChange, matchIndexRemoval } from '../data/match-index';
import { mustHaveVersion, stripLayout } from '../data/record-item';
import { keyOf } from '../data/table-schema';
import type { ItemKey, Migration, MigrationWrite, StoredItem } from './migration';

/**
 * Phones to E.164 (issue 12, REC-11): leads' `phone` (with `phoneTyped` kept when the writing
 * differs) and accounts' and contacts' phone entries (`typed` beside `number`), stored as typed by
 * the releases before it. The record and its match keys end as a fresh write makes them: the
 * domain's own functions, and the match index change the records kit commits in the same
 * transaction (`matchIndexChange`). Search items are derived from the stream since issue 14 §5
 * (ADR 0009): the migrated image reaches the `search-derive` consumer like any save and its terms
 * follow. The version moves on by one — the consumer takes only newer images, and an edit read
 * before the migration and saved after it is refused as a conflict instead of writing the old
 * phone back; `updatedAt`, the timeline and the outbox are left alone: no one changed the record.
 */
const typeOfEntity: Record<keyof typeof phoneMigrations, RecordType> = { LEAD: 'lead', ACCOUNT: 'account', CONTACT: 'contact' };
const entities = Object.keys(phoneMigrations) as (keyof typeof phoneMigrations)[];

export const phonesE164: Migration = {
  id: '0001-phones-e164',
  version: 1,
  description: 'phones of leads, accounts and contacts in E.164 with the writing kept, and their match keys',
  scope: { entities },
  apply(item) {
    const entity = item.entity as keyof typeof phoneMigrations;
    const migrate = phoneMigrations[entity];
    // The record item itself only: its partition also holds history, attachments, the derived state.
    if (!migrate || item.sk !== entity) return undefined;
    const record = stripLayout<RecordBase & Record<string, unknown>>(item);
    const migrated = migrate(record);
    if (!migrated) return undefined;
    const kind = kinds[typeOfEntity[entity]];
    const next = { ...migrated, version: record.version + 1 } as RecordBase & Record<string, unknown>;
    const matches = matchIndexChange(kind, record, next);
    const set = Object.fromEntries(Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(record[k])).map((k) => [k, next[k]]));
    const kept = new Set(matchIndexRemoval(kind, next).map(keyString));
    const deletes = uniqueKeys([...matches.deletes, ...previousReleaseMatchKeys(item, typeOfEntity[entity])].filter((k) => !kept.has(keyString(k))));
    const write: MigrationWrite = {
      update: { set, condition: mustHaveVersion(record.version) },
      puts: matches.puts.map((p) => p.item),
      deletes,
    };
    return write;
  },
};

const keyString = (key: ItemKey) => `${key.pk}|${key.sk}`;
const uniqueKeys = (keys: ItemKey[]) => [...new Map(keys.map((k) => [keyString(k), { pk: k.pk, sk: k.sk }])).values()];

/**
 * The phone match keys the releases before issue 12 made of the stored phones, with their own
 * digit rule: where it read a number otherwise than E.164 does, such a key is no fresh write's and
 * would be left behind (a delete of an absent item changes nothing).
 */
function previousReleaseMatchKeys(item: StoredItem, type: RecordType): ItemKey[] {
  const phones = [item.phone, ...(Array.isArray(item.phones) ? (item.phones as { number?: unknown }[]).map((e) => e.number) : [])].filter((p): p is string => typeof p === 'string');
  return phones
    .map((phone) => previousReleasePhoneDigits(phone))
    .filter((digits) => digits.length >= 10)
    .map((digits) => keyOf('match', { type, key: `phone:${digits}`, recordId: String(item.id) }));
}
