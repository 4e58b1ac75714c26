import { assertCan } from '../auth/assert-can';
import { getSharing, putSharing } from '../data/sharing-repository';
import type { Actor } from '../domain/common/actor';
import { versionConflict } from '../domain/common/errors';
import type { SharingSet } from '../domain/access/sharing';

/** Sharing of record types (ACC-2): read by whoever may read the teams; set by admins as one versioned setting. */
export const readSharing = (): Promise<SharingSet> => getSharing();

export async function saveSharingAs(actor: Actor, set: SharingSet): Promise<SharingSet> {
  assertCan(actor, 'teams', 'manage');
  const current = await getSharing(true);
  if (current.version !== set.version) throw versionConflict(current.version);
  if (!(await putSharing(set))) throw versionConflict(undefined);
  return { types: set.types, version: set.version + 1 };
}
