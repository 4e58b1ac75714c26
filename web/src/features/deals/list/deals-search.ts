import { recordsSearchValidator, type RecordsSearch } from '../../../records/list/records-search';

/**
 * The deals list's URL search: the records' own (owner, sort, cursor, custom filters) and the
 * stage as `status` (a deal's status is its stage). Stage ids depend on the pipelines, which the
 * route does not know yet: any well-formed stage id is kept; an unknown one simply finds nothing.
 */
const stageId = /^[a-z][a-z0-9-]{1,39}$/;
const base = recordsSearchValidator([]);

export function validateDealsSearch(search: Record<string, unknown>): RecordsSearch {
  const out = base(search);
  const status = typeof search.status === 'string' ? search.status : undefined;
  return status && stageId.test(status) ? { ...out, status } : out;
}
