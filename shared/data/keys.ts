import { createHash } from 'node:crypto';
import { termPartition } from '../domain/search/search-terms';
import { families, indexKeyOf, keyOf, partitionOf } from './table-schema';

/**
 * Key builders of the single table, over its schema (`table-schema.ts`, ADR 0021): the formats are
 * declared there once; these name the values each family's keys are built from. Every item has
 * `pk`, `sk` and `entity`.
 */
export const entities = {
  history: families.history.entity,
  form: families.form.entity,
  formEmail: families.formEmail.entity,
  user: families.user.entity,
  rateLimit: families.rateLimit.entity,
  search: families.search.entity,
} as const;

/** A record's shard among `shards` (its type's `listShards`), from its id. */
export const recordShard = (id: string, shards: number): string => String(parseInt(spreadShard(`record#${id}`), 16) % shards);

/**
 * Keys of a core record type, by its key prefix (`LEAD`, `ACCOUNT`, `CONTACT`…): the item, its type's
 * collection (gsi1, creation order), by owner (gsi2), by status (gsi3), under its parent record
 * (gsi4: an account's contacts, child accounts…) and by name (gsi5, alphabetical lists); `shards`:
 * how many partitions its lists are spread over (the kind's `listShards`).
 */
export const recordKeys = (prefix: string, shards = 1) => {
  const allShards = Array.from({ length: shards }, (_, i) => String(i));
  const shardOf = (id: string) => recordShard(id, shards);
  return {
    item: (id: string) => keyOf('record', { prefix, id }),
    collection: (createdAt: string, id: string) => indexKeyOf('record', 'gsi1', { prefix, shard: shardOf(id), createdAt, id }),
    byOwner: (ownerId: string, createdAt: string, id: string) => indexKeyOf('record', 'gsi2', { prefix, ownerId, shard: shardOf(id), createdAt, id }),
    byStatus: (status: string, createdAt: string, id: string) => indexKeyOf('record', 'gsi3', { prefix, status, shard: shardOf(id), createdAt, id }),
    byParent: (parentPk: string, createdAt: string, id: string) => indexKeyOf('record', 'gsi4', { prefix, parentPk, createdAt, id }),
    byName: (sortName: string, id: string) => indexKeyOf('record', 'gsi5', { prefix, shard: shardOf(id), sortName, id }),
    /** The partitions of each list, every shard's. */
    partitions: {
      collection: () => allShards.map((shard) => indexKeyOf('record', 'gsi1', { prefix, shard, createdAt: '', id: '' }).gsi1pk),
      byOwner: (ownerId: string) => allShards.map((shard) => indexKeyOf('record', 'gsi2', { prefix, ownerId, shard, createdAt: '', id: '' }).gsi2pk),
      byStatus: (status: string) => allShards.map((shard) => indexKeyOf('record', 'gsi3', { prefix, status, shard, createdAt: '', id: '' }).gsi3pk),
      byParent: (parentPk: string) => [indexKeyOf('record', 'gsi4', { prefix, parentPk, createdAt: '', id: '' }).gsi4pk],
      byName: () => allShards.map((shard) => indexKeyOf('record', 'gsi5', { prefix, shard, sortName: '', id: '' }).gsi5pk),
    },
  };
};

/**
 * A record listed under another besides its parent (a deal under each of its contacts): a summary
 * copy in the other's partition, newest first by `sk`.
 */
export const listedUnderKeys = {
  prefix: (memberPrefix: string) => `MEMBER#${memberPrefix}#`,
  item: (ownerPk: string, memberPrefix: string, createdAt: string, id: string) => keyOf('member', { ownerPk, memberPrefix, createdAt, id }),
};

/**
 * One item per search term of a record (REC-13), all record types in one key space: the term's
 * first characters are the partition (two of a word, four of a number: `termPartition`), so a
 * keystroke is one Query with `begins_with(sk, typed)` per partition the typed prefix covers.
 */
export const searchKeys = {
  partition: (termStart: string) => partitionOf('search', { termStart }),
  item: (term: string, recordPk: string) => keyOf('search', { termStart: termPartition(term), term, recordPk }),
};

/** History entries live in their record's partition, so a timeline page is one Query. */
export const historyKeys = {
  partition: (recordPk: string) => partitionOf('history', { recordPk }),
  prefix: 'HIST#',
  item: (recordPk: string, at: string, id: string) => keyOf('history', { recordPk, at, id }),
};

/** The attribute of a change's history entry that carries its events to the stream publisher (the outbox). */
export const outboxAttribute = 'events';

export const formKeys = {
  item: (id: string) => keyOf('form', { id }),
  collection: (id: string) => indexKeyOf('form', 'gsi1', { id }),
  /** Which lead a form-submitted email last produced, for the one-day repeat window. */
  email: (email: string) => keyOf('formEmail', { email }),
};

export const userKeys = {
  item: (id: string) => keyOf('user', { id }),
  collection: (email: string) => indexKeyOf('user', 'gsi1', { email }),
};

export const rateLimitKeys = {
  window: (scope: string, subject: string, windowStart: string) => keyOf('rateLimit', { scope, subject, windowStart }),
};

/** One of 16 partitions for a key that is only ever read by itself: a hex digit of its digest. */
export const spreadShard = (key: string): string => createHash('md5').update(key).digest('hex').charAt(0);

/** An idempotency record's key, in one of 16 partitions of its consumer by Powertools' key for the event. */
export const idempotencyKey = (consumer: string, hashedKey: string) => keyOf('idempotency', { consumer, shard: spreadShard(hashedKey), hash: hashedKey });
