import { recordSortKeys, type RecordSort } from '@shared/domain/records/record-list';

/**
 * A record list's URL search params: status, owner, custom field filters (`custom.<key>`), the
 * sort and the current page's cursor. Unknown or malformed values are dropped rather than
 * failing the page (a hand-edited or stale link). The router may hand `true` or `5` for
 * `custom.vip=true`: values are kept as the strings the API takes.
 */
export type CustomFilterParam = `custom.${string}`;

/** Select filters a list has besides status and owner: a lead's source channel. */
export const selectFilterParams = ['channel'] as const;
export type SelectFilterParam = (typeof selectFilterParams)[number];

export type RecordsSearch = {
  status?: string;
  ownerId?: string;
  channel?: string;
  /** Absent: newest first. */
  sort?: RecordSort;
  cursor?: string;
} & { [param: CustomFilterParam]: string | undefined };

export const recordsPageSize = 25;

const customParam = /^custom\.[a-z][a-zA-Z0-9]{0,39}$/;

const text = (value: unknown, max: number): string | undefined => {
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  return s !== undefined && s !== '' && s.length <= max ? s : undefined;
};

interface ListOptions {
  /** The values each of the list's select filters takes. */
  selects?: Partial<Record<SelectFilterParam, readonly string[]>>;
  /** The sorts the type's API offers; all of `recordSortKeys` when absent. */
  sorts?: readonly RecordSort[];
}

/** A route's `validateSearch`, knowing the type's statuses, its further filters and sorts. */
export function recordsSearchValidator(statuses: readonly string[], options: ListOptions = {}) {
  const sorts: readonly string[] = options.sorts ?? recordSortKeys;
  return (search: Record<string, unknown>): RecordsSearch => {
    const out: RecordsSearch = {};
    const status = text(search.status, 40);
    if (status && statuses.includes(status)) out.status = status;
    const ownerId = text(search.ownerId, 128);
    if (ownerId) out.ownerId = ownerId;
    for (const param of selectFilterParams) {
      const value = text(search[param], 40);
      if (value && options.selects?.[param]?.includes(value)) out[param] = value;
    }
    const sort = text(search.sort, 20);
    if (sort && sort !== '-createdAt' && sorts.includes(sort)) out.sort = sort as RecordSort;
    const cursor = text(search.cursor, 2000);
    if (cursor) out.cursor = cursor;
    for (const [key, value] of Object.entries(search)) {
      const filter = text(value, 200);
      if (customParam.test(key) && filter) out[key as CustomFilterParam] = filter;
    }
    return out;
  };
}

export const customFiltersOf = (search: RecordsSearch): [CustomFilterParam, string][] =>
  Object.entries(search).flatMap(([key, value]) => (customParam.test(key) && typeof value === 'string' ? [[key as CustomFilterParam, value]] : []));

/** The filters alone (no sort, no paging): for the export and the "filtered" state. */
export function filtersOf(search: RecordsSearch): Record<string, string> {
  return Object.fromEntries([
    ...(search.status ? [['status', search.status]] : []),
    ...(search.ownerId ? [['ownerId', search.ownerId]] : []),
    ...selectFilterParams.flatMap((param) => (search[param] ? [[param, search[param]]] : [])),
    ...customFiltersOf(search),
  ]);
}

export const hasFilters = (search: RecordsSearch): boolean => Object.keys(filtersOf(search)).length > 0;

/** The list query as the API takes it. */
export function listQueryOf(search: RecordsSearch, extra: Record<string, string> = {}): Record<string, string | number> {
  return {
    ...extra,
    ...filtersOf(search),
    sort: search.sort ?? '-createdAt',
    limit: recordsPageSize,
    ...(search.cursor ? { cursor: search.cursor } : {}),
  };
}

/** The same search with every filter cleared. */
export function withoutFilters(search: RecordsSearch): RecordsSearch {
  const out: RecordsSearch = {};
  if (search.sort) out.sort = search.sort;
  return out;
}
