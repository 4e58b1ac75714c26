import { privateSharing, type Sharing, type SharingSet } from '../domain/access/sharing';
import { versionedSetting } from './versioned-setting';

/** The sharing of record types: one versioned item, read through the settings cache by every scoped request. */
const sharing = versionedSetting<Partial<Sharing>>('sharing', 'types', {});

/** Types never set are private. `fresh`: skip this container's copy. */
export async function getSharing(fresh = false): Promise<SharingSet> {
  const { value, version } = await sharing.get(fresh);
  return { types: { ...privateSharing, ...value }, version };
}

/** Saves the sharing as `set.version + 1`; false when someone saved it in between. */
export const putSharing = (set: SharingSet): Promise<boolean> => sharing.put({ value: set.types, version: set.version });
