import type { Condition } from '../data/record-item';

/**
 * A data migration (issue 14 §2, ADR 0024): moves items stored in one format to the next. Every
 * change of key format, projection or stored shape ships with one, added to `registry.ts`.
 *
 * The runner Scans the table in parallel segments for the items in `scope`, and calls `apply` on
 * each: `apply` answers `undefined` when the item already has the new shape (so a re-run, or a page
 * read again after a crash, changes nothing), or the write that migrates it. That write is one
 * transaction: the item's own update, guarded by a condition on its version or shape so that a
 * user's concurrent edit is never overwritten (the runner re-reads the item and applies again), and
 * the derived items (search terms, match keys) it puts and deletes.
 */
export interface Migration {
  /** `0001-phones-e164`: the order is the number, the rest says what. */
  readonly id: string;
  /** The schema version the table reaches once it is done; strictly increasing along the registry. */
  readonly version: number;
  readonly description: string;
  /**
   * Which items to visit (a filtered parallel Scan): those whose `entity` is one of these, or, for
   * items that carry none (Powertools' idempotency records), whose `pk` begins with this.
   */
  readonly scope: { readonly entities: readonly string[] } | { readonly pkPrefix: string };
  apply(item: StoredItem, context: MigrationContext): Promise<MigrationWrite | undefined> | MigrationWrite | undefined;
}

export type StoredItem = Record<string, unknown> & { pk: string; sk: string };
export type ItemKey = { pk: string; sk: string };

/** What migrating one item writes, in one TransactWriteItems: its update, or its move to a new key. */
export type MigrationWrite = ItemUpdate | ItemMove | ItemRemoval;

interface DerivedWrites {
  /** Derived items written as a fresh write of the item would write them. */
  puts?: readonly (Record<string, unknown> & ItemKey)[];
  /** Derived items the old format had and the new one has not. */
  deletes?: readonly ItemKey[];
}

export interface ItemUpdate extends DerivedWrites {
  /** The item's own attributes to set (and to remove), under a condition that it is still as read. */
  update: { set: Record<string, unknown>; remove?: readonly string[]; condition: Condition };
}

/**
 * The item under a new key (a key format change): the stored one deleted if it is still there,
 * the new one put — or, with `merge`, merged into one the new code may have written under that key
 * meanwhile: its attributes kept, the moved item's set where missing and its `add` counters added.
 */
/** The item goes (a family no release reads any more), if it is still there. */
export interface ItemRemoval extends DerivedWrites {
  remove: true;
}

export interface ItemMove extends DerivedWrites {
  move: { to: StoredItem; merge?: { add?: readonly string[] } };
}

/** What a migration may ask besides the table (ports, so a test can stand in for Cognito). */
export interface MigrationContext {
  /** A user's `custom:accountId` in the user pool, or undefined (no such attribute or no such user). */
  poolAccountIdOf(userId: string): Promise<string | undefined>;
}

/** Whether a stored item is one a migration visits (what the runner's Scan filter selects). */
export const inScope = (migration: Pick<Migration, 'scope'>, item: Record<string, unknown>): boolean =>
  'pkPrefix' in migration.scope ? String(item.pk).startsWith(migration.scope.pkPrefix) : migration.scope.entities.includes(String(item.entity));
