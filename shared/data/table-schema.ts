/**
 * The single table's schema, declared once as data (issue 14 §1, ADR 0021): its primary key, its
 * indexes, its TTL attribute and every item family with its key formats, the indexes it is projected
 * into with their key formats, and whether it expires. Key formats are templates whose `<name>` parts
 * are filled by `keyOf`/`indexKeyOf`, so the formats read here are the ones written to the table;
 * docs/data-model.md is checked against this module (tests/unit/data).
 *
 * The table definition (infra/definition/app.ts) builds its indexes from this module.
 */

import { envNames, envOr } from '../config/runtime-env';

export const primaryKey = { partitionKey: 'pk', sortKey: 'sk' } as const;

/** What an index holds of an item besides the keys (DynamoDB's three projection types). */
export type Projection = { readonly type: 'ALL' } | { readonly type: 'KEYS_ONLY' } | { readonly type: 'INCLUDE'; readonly attributes: readonly string[] };

/**
 * What the record lists filter on (records-repository `listRecords`: owner, status, a kind's own
 * filters such as a lead's `source.channel`, custom field values) and what the audit trail's
 * by-actor list filters on. Nothing else is projected: the lists read their items by key
 * (index-query.ts), so a write that changes none of these and no index key costs no index write.
 */
const recordListFilters = ['ownerId', 'status', 'source', 'custom'] as const;
const auditFilters = ['subject', 'action'] as const;
const include = (...attributes: readonly string[]): Projection => ({ type: 'INCLUDE', attributes: [...attributes].sort() });

/**
 * The overloaded global indexes, in the table definition's order. `name` is what the code asks
 * for and what the key attributes are named after; `indexName` is the index in DynamoDB, versioned
 * because a projection cannot change in place: a changed projection is a new index, built beside
 * the old one (docs/deploy.md, "Index changes").
 */
export const globalIndexes = [
  { name: 'gsi1', indexName: 'gsi1-v2', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: include(...recordListFilters, ...auditFilters) },
  { name: 'gsi2', indexName: 'gsi2-v2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: include(...recordListFilters) },
  { name: 'gsi3', indexName: 'gsi3-v2', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: include(...recordListFilters) },
  { name: 'gsi4', indexName: 'gsi4-v2', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: include(...recordListFilters) },
  { name: 'gsi5', indexName: 'gsi5-v2', partitionKey: 'gsi5pk', sortKey: 'gsi5sk', projection: include(...recordListFilters) },
] as const;

export type IndexName = (typeof globalIndexes)[number]['name'];

/**
 * The indexes of earlier releases, each replaced by the one of the same `name` above. A table made
 * by an earlier release holds them until its deploy steps (or `npm start`) have built the new ones.
 */
export const retiredIndexes: readonly { readonly name: IndexName; readonly indexName: string; readonly projection: Projection }[] = (['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'] as const).map((name) => ({ name, indexName: name, projection: { type: 'ALL' } }));

/**
 * Which DynamoDB index serves each of the code's indexes while a table is between releases: set by
 * the stack (and the local runtime) in `TABLE_INDEXES` as `{"gsi1":"gsi1"}`; an index it does not
 * name is the current one.
 */
export const tableIndexesVariable = envNames.tableIndexes;

let overrides: { raw: string | undefined; map: Partial<Record<IndexName, string>> } = { raw: undefined, map: {} };

function physicalName(name: IndexName): string {
  const raw = envOr('tableIndexes', '') || undefined;
  if (overrides.raw !== raw) overrides = { raw, map: raw ? (JSON.parse(raw) as Partial<Record<IndexName, string>>) : {} };
  return overrides.map[name] ?? globalIndexes.find((index) => index.name === name)!.indexName;
}

/** The DynamoDB index name for `IndexName:` in Queries, so no repository spells one. */
export const indexes: { readonly [I in IndexName]: string } = {
  get gsi1() {
    return physicalName('gsi1');
  },
  get gsi2() {
    return physicalName('gsi2');
  },
  get gsi3() {
    return physicalName('gsi3');
  },
  get gsi4() {
    return physicalName('gsi4');
  },
  get gsi5() {
    return physicalName('gsi5');
  },
};

/** The partition key attribute of a DynamoDB index, current or retired. */
export function indexPartitionKey(indexName: string): string | undefined {
  const name = globalIndexes.find((index) => index.indexName === indexName)?.name ?? retiredIndexes.find((index) => index.indexName === indexName)?.name;
  return name ? globalIndexes.find((index) => index.name === name)!.partitionKey : undefined;
}

/** The TTL attribute (epoch seconds) of every family that expires. */
export const ttlAttribute = 'expiresAt';

export interface KeyFormat {
  readonly pk: string;
  readonly sk: string;
}

export interface FamilyDeclaration extends KeyFormat {
  /** The item's `entity` attribute (a template for the records kit's types). */
  readonly entity: string;
  readonly indexes?: { readonly [I in IndexName]?: KeyFormat };
  /** Items carry `expiresAt` and DynamoDB deletes them after it. */
  readonly expires?: true;
}

const creation = '<createdAt>#<id>';

/**
 * Every item family. `<prefix>` is a records-kit type's key prefix (`LEAD`, `ACCOUNT`…); parts such as
 * `<termStart>` (a term's first two characters, four of a number) or `<hour>` (`YYYY-MM-DDTHH`) are computed by the
 * builders below, which are the only writers of those formats.
 */
export const families = {
  record: {
    entity: '<prefix>',
    pk: '<prefix>#<id>',
    sk: '<prefix>',
    // A type's lists are spread over its kind's `listShards` partitions (`<shard>`, from the id):
    // leads 4, so a burst of web captures writes each a quarter; other types 1 (`#0`). A page reads
    // them all, one Query each (partitioned-list.ts).
    indexes: {
      gsi1: { pk: '<prefix>S#<shard>', sk: creation },
      gsi2: { pk: '<prefix>S#OWNER#<ownerId>#<shard>', sk: creation },
      gsi3: { pk: '<prefix>S#STATUS#<status>#<shard>', sk: creation },
      gsi4: { pk: '<parentPk>#<prefix>S', sk: creation },
      gsi5: { pk: '<prefix>S#<shard>', sk: '<sortName>#<id>' },
    },
  },
  redirect: { entity: 'REDIRECT', pk: '<prefix>#<id>', sk: '<prefix>' },
  search: { entity: 'SEARCH', pk: 'SEARCH#<termStart>', sk: '<term>#<recordPk>' },
  /** What the derived index last wrote for a record (its version, the items' keys): in the record's partition. */
  derived: { entity: 'DERIVED', pk: '<recordPk>', sk: 'DERIVED' },
  match: { entity: 'MATCH', pk: 'MATCH#<type>#<key>', sk: '<recordId>' },
  member: { entity: 'MEMBER', pk: '<ownerPk>', sk: 'MEMBER#<memberPrefix>#<createdAt>#<id>' },
  history: { entity: 'HISTORY', pk: '<recordPk>', sk: 'HIST#<at>#<id>' },
  /**
   * Events of a record with no timeline entry to carry them (a migration announcing what an earlier
   * release kept in the table): the outbox publishes them as it does a history entry's, the timeline
   * does not show them, and they expire.
   */
  outboxOnly: { entity: 'HISTORY', pk: '<recordPk>', sk: 'OUTBOX#<at>#<id>', expires: true },
  attachment: { entity: 'ATTACHMENT', pk: '<recordPk>', sk: 'ATTACHMENT#<id>' },
  /** A pair from one side, in the partition of that side's shard (as the record lists, 4 per type). */
  duplicatePair: { entity: 'DUPLICATE_PAIR', pk: 'DUPES#<type>#<shard>', sk: '<id>#<otherId>' },
  import: {
    entity: 'IMPORT',
    pk: 'IMPORT#<id>',
    sk: 'IMPORT',
    indexes: { gsi1: { pk: 'IMPORTS', sk: creation } },
  },
  importRow: { entity: 'IMPORT_ROW', pk: 'IMPORT#<id>', sk: 'ROW#<run>#<row>' },
  importPlan: { entity: 'IMPORT_PLAN', pk: 'IMPORT#<id>', sk: 'PLAN#<run>#<matchKey>#<row>', expires: true },
  export: { entity: 'EXPORT', pk: 'EXPORT#<id>', sk: 'EXPORT', expires: true },
  teams: { entity: 'TEAMS', pk: 'TEAMS', sk: 'TEAMS' },
  sharing: { entity: 'SHARING', pk: 'SHARING', sk: 'SHARING' },
  apiKey: { entity: 'APIKEY', pk: 'APIKEY#<id>', sk: 'APIKEY', indexes: { gsi1: { pk: 'APIKEYS', sk: creation } } },
  accessRequest: {
    entity: 'ACCESSREQ',
    pk: 'ACCESSREQ#<id>',
    sk: 'ACCESSREQ',
    indexes: { gsi1: { pk: 'ACCESSREQS', sk: creation }, gsi2: { pk: 'ACCESSREQS#BY#<userId>', sk: creation } },
  },
  accessRequestOpen: { entity: 'ACCESSREQ_OPEN', pk: 'ACCESSREQ#OPEN#<userId>', sk: 'ACCESSREQ_OPEN' },
  audit: {
    entity: 'AUDIT',
    pk: 'AUDIT#<day>#<shard>',
    sk: '<at>#<id>',
    indexes: { gsi1: { pk: 'AUDIT#ACTOR#<actorId>', sk: '<at>#<id>' } },
    expires: true,
  },
  usage: { entity: 'USAGE', pk: 'USAGE#<day>#<shard>', sk: '<actorId>#<hash>', expires: true },
  customFields: { entity: 'CUSTOM_FIELDS', pk: 'CUSTOM_FIELDS#<type>', sk: 'CUSTOM_FIELDS' },
  pipeline: { entity: 'PIPELINE', pk: 'PIPELINE#<id>', sk: 'PIPELINE', indexes: { gsi1: { pk: 'PIPELINES', sk: '<id>' } } },
  form: { entity: 'FORM', pk: 'FORM#<id>', sk: 'FORM', indexes: { gsi1: { pk: 'FORMS', sk: '<id>' } } },
  formEmail: { entity: 'FORM_EMAIL', pk: 'FORM_EMAIL#<email>', sk: 'FORM_EMAIL', expires: true },
  user: { entity: 'USER', pk: 'USER#<id>', sk: 'PROFILE', indexes: { gsi1: { pk: 'USERS', sk: '<email>' } } },
  rateLimit: { entity: 'RATE_LIMIT', pk: 'RATE#<scope>#<subject>', sk: '<windowStart>', expires: true },
  /**
   * Powertools' idempotency records: the sort key is its key for the event (`<prefix>#<md5>`); the
   * partition is spread over 16 by a hex digit of its digest (`<shard>`), since every event a consumer
   * takes writes here twice and nothing lists them.
   */
  idempotency: { entity: '', pk: 'IDEMPOTENCY#<consumer>#<shard>', sk: '<hash>', expires: true },
  /** The version gate's records, spread the same way by a digest of the record key. */
  idempotencyVersion: { entity: '', pk: 'IDEMPOTENCY#<consumer>#<shard>', sk: 'VERSION#<recordKey>', expires: true },
  health: { entity: '', pk: 'HEALTH', sk: 'HEALTH' },
  /** A data migration's state (issue 14 §2, ADR 0024): status, each Scan segment's cursor, counts, its last dry run. */
  migration: { entity: 'MIGRATION', pk: 'MIGRATION#<id>', sk: 'MIGRATION' },
  /** The schema version the table's data has reached: the version of the last migration finished. */
  schemaVersion: { entity: 'SCHEMA_VERSION', pk: 'MIGRATION#SCHEMA', sk: 'VERSION' },
} as const satisfies Record<string, FamilyDeclaration>;

export type FamilyName = keyof typeof families;

/** The `<name>` parts of a template, as a union of names (`never` for a constant). */
export type TemplateParts<T extends string> = T extends `${string}<${infer P}>${infer Rest}` ? P | TemplateParts<Rest> : never;

/** Fills a template's `<name>` parts; a part without a value is a programming error. */
export function fill<T extends string>(template: T, values: { readonly [K in TemplateParts<T>]: string }): string {
  return template.replace(/<([A-Za-z]+)>/g, (_, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`table-schema: no value for <${name}> in ${template}`);
    return value;
  });
}

type Family<F extends FamilyName> = (typeof families)[F];
type KeyParts<F extends FamilyName> = TemplateParts<Family<F>['pk']> | TemplateParts<Family<F>['sk']>;
type IndexMap = { [F in FamilyName]: Family<F> extends { indexes: infer X } ? X : Record<never, never> };
type IndexesOf<F extends FamilyName> = keyof IndexMap[F] & IndexName;
type IndexParts<F extends FamilyName, I extends IndexesOf<F>> = IndexMap[F][I] extends KeyFormat ? TemplateParts<IndexMap[F][I]['pk']> | TemplateParts<IndexMap[F][I]['sk']> : never;

/** A family's primary key from its parts. */
export function keyOf<F extends FamilyName>(family: F, values: NoInfer<{ readonly [K in KeyParts<F>]: string }>): { pk: string; sk: string } {
  const format: KeyFormat = families[family];
  const parts = values as Record<string, string>;
  return { pk: fill(format.pk, parts as never), sk: fill(format.sk, parts as never) };
}

/** A family's key attributes in one of its indexes (`{ gsi1pk, gsi1sk }`…). */
export function indexKeyOf<F extends FamilyName, I extends IndexesOf<F>>(
  family: F,
  index: I,
  values: NoInfer<{ readonly [K in IndexParts<F, I>]: string }>,
): { [A in `${I}pk` | `${I}sk`]: string } {
  const declared: FamilyDeclaration = families[family];
  const format = declared.indexes?.[index];
  if (!format) throw new Error(`table-schema: ${family} is not projected into ${index}`);
  const parts = values as Record<string, string>;
  return { [`${index}pk`]: fill(format.pk, parts as never), [`${index}sk`]: fill(format.sk, parts as never) } as { [A in `${I}pk` | `${I}sk`]: string };
}

/** A family's partition key alone (for a Query's `pk = :pk`). */
export function partitionOf<F extends FamilyName>(family: F, values: NoInfer<{ readonly [K in TemplateParts<Family<F>['pk']>]: string }>): string {
  const format: KeyFormat = families[family];
  return fill(format.pk, values as never);
}
