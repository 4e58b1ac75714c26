import type { MatchSource } from '../duplicates/match-keys';
import type { SearchSource } from '../search/search-terms';

/**
 * The core record types (REC-1…REC-7, SRV-1) share one shape of storage, commands, API and UI; each
 * type is described once by a RecordKind and the generic parts do the rest. A type's own commands
 * (a lead's capture, rejection and conversion; a deal's stage move) sit on the kit's save path.
 */
export const recordTypes = ['lead', 'account', 'contact', 'deal', 'product', 'activity', 'case'] as const;
export type RecordType = (typeof recordTypes)[number];

/** Each type's API resource (`/api/leads`), which is also its subject in the permission matrix. */
export const resourceOfType = { lead: 'leads', account: 'accounts', contact: 'contacts', deal: 'deals', product: 'products', activity: 'activities', case: 'cases' } as const satisfies Record<RecordType, string>;
export type RecordResource = (typeof resourceOfType)[RecordType];

/** The resources of some types, mapped back to their types: the `{resource}` a route takes. */
export const resourcesOf = <const T extends RecordType>(types: readonly T[]): { [K in T as (typeof resourceOfType)[K]]: K } =>
  Object.fromEntries(types.map((type) => [resourceOfType[type], type])) as { [K in T as (typeof resourceOfType)[K]]: K };

/** A reference to a record of any type. */
export interface RecordLink {
  type: RecordType;
  id: string;
}

/** One record a field points at, with the path an error names (`contactIds.1`, `regarding.id`). */
export interface ReferenceTarget {
  link: RecordLink;
  path: string;
}

/**
 * A field that points at other records (ACC-2). Declared once per type, so one guard checks every
 * reference a write adds, whichever service writes it, and the tests generate their cases from it.
 */
export interface RecordReference<T> {
  /** The field as the API names it. */
  field: string;
  /** The types it may point at. */
  types: readonly RecordType[];
  /** What the record points at through the field. */
  targets: (record: T) => readonly ReferenceTarget[];
}

/** A field holding one record's id: `accountId`. */
export function refersTo<T>(field: keyof T & string, type: RecordType): RecordReference<T> {
  return { field, types: [type], targets: (record) => (typeof record[field] === 'string' ? [{ link: { type, id: record[field] as string }, path: field }] : []) };
}

/** A field holding a list of ids: `contactIds`. */
export function refersToEach<T>(field: keyof T & string, type: RecordType): RecordReference<T> {
  return { field, types: [type], targets: (record) => ((record[field] ?? []) as string[]).map((id, i) => ({ link: { type, id }, path: `${field}.${i}` })) };
}

/** What every core record carries. */
export interface RecordBase {
  id: string;
  ownerId: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Optimistic locking: an update names the version it was based on. */
  version: number;
  /** Values of the admin-defined custom fields (REC-9), by key. */
  custom?: Record<string, unknown>;
}

/** How a record shows in search results and lists, and what it is found by. */
export interface SearchDoc {
  title: string;
  subtitle?: string;
  terms: SearchSource;
}

export interface RecordKind<T extends RecordBase> {
  type: RecordType;
  /** For messages: "Account not found". */
  label: string;
  /** Fields whose changes the timeline records, old → new. */
  tracked: readonly (keyof T & string)[];
  /** The value listed by status (gsi3), if the type has one. */
  status?: (record: T) => string;
  /** The record this one is listed under (gsi4): an account's contacts, its child accounts, a deal's activities. */
  parent?: {
    types: readonly RecordType[];
    of: (record: T) => RecordLink | undefined;
    /** The patch that puts the record under another parent: a merge moves children to the survivor (REC-12). */
    relink: (to: RecordLink | undefined) => Partial<Record<keyof T, unknown>>;
  };
  /**
   * Other records this one is also listed under, many to many: a deal under each of its contacts.
   * Each of them holds a summary copy in its partition, so such a list is one Query.
   */
  listedUnder?: {
    type: RecordType;
    ids: (record: T) => readonly string[];
    summary: (record: T) => Record<string, unknown>;
    /** The patch that puts the record under `to` instead of `from`: a merge of two of them (REC-12). */
    replace: (record: T, from: string, to: string) => Partial<Record<keyof T, unknown>>;
  };
  /** Fields that point at other records: every one a write adds is checked (shared/services/reference-guard.ts). */
  references?: readonly RecordReference<T>[];
  /** When the owner is to be reminded of the record (an open activity's `reminderAt`), if at all. */
  reminder?: (record: T) => string | undefined;
  search: (record: T) => SearchDoc;
  /** Whether the record may still be merged with a duplicate (a converted lead may not); all may when absent. */
  mergeable?: (record: T) => boolean;
  /** What makes two records of the type the same party (email, phone, tax id, name), if they can be duplicates. */
  match?: (record: T) => MatchSource;
  /**
   * `false` for a type whose lists never sort by name, so its records carry no gsi5 entry (leads:
   * stored before the kit wrote one, and listed by date only).
   */
  nameIndex?: false;
  /**
   * How many partitions the type's lists are spread over (1 when absent): more only for a type
   * written in public bursts (web captures), since a list page reads them all, one Query each.
   */
  listShards?: 1 | 4;
  /** List filters of its own on a stored attribute, by query parameter: a lead's `channel` is `source.channel`. */
  filters?: Readonly<Record<string, readonly string[]>>;
}

/** The API resource of a type: `account` → `/api/accounts`. */
export const resourceOf = (type: RecordType): string => resourceOfType[type];

/** Key prefix and entity name of a type: `account` → pk `ACCOUNT#<id>`, collection `ACCOUNTS`. */
export const keyPrefixOf = (type: RecordType): string => type.toUpperCase();
