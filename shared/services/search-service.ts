import { searchRecords, type SearchHit } from '../data/search-index';
import { can } from '../auth/permissions';
import type { Visibility } from '../auth/visibility';
import type { Actor } from '../domain/common/actor';
import { recordTypes, type RecordType } from '../domain/records/record-type';
import { subjectOfType, visibilityFor } from './visibility-service';

/**
 * Quick search (REC-13) among what the actor may see (ACC-2): types the role cannot read are not
 * searched, and hits on others' records are left out, so a search never names a hidden record.
 */
export async function searchAs(actor: Actor, q: string, options: { types?: readonly RecordType[]; limit: number }): Promise<SearchHit[]> {
  const wanted = options.types ?? recordTypes;
  const readable = actor.type === 'user' ? wanted.filter((type) => can(actor.roles, subjectOfType[type], 'read')) : [...wanted];
  if (readable.length === 0) return [];
  const sight = new Map<RecordType, Visibility>(await Promise.all(readable.map(async (type) => [type, await visibilityFor(actor, subjectOfType[type], 'read')] as const)));
  return searchRecords(q, { limit: options.limit, sight });
}
