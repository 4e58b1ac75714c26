import { getRecordOrRedirect } from '../data/records-repository';
import { kinds } from '../domain/records/kinds';
import type { RecordType } from '../domain/records/record-type';

/** Merges in a row followed this far; a longer chain is not made by hand. */
const maxHops = 5;

/**
 * Where a merge's survivor lives now: itself, or the record it was merged into since. The
 * follow-up of a merge (ADR 0018) may run after a later merge of its survivor: children moved to
 * the first survivor would then hang under a record that is gone.
 */
export async function liveSurvivor(type: RecordType, id: string): Promise<string> {
  let current = id;
  for (let hop = 0; hop < maxHops; hop++) {
    const { redirect } = await getRecordOrRedirect(kinds[type], current);
    if (!redirect) return current;
    current = redirect.mergedInto;
  }
  return current;
}
