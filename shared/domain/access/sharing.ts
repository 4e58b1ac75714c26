import * as z from 'zod';
import { recordSubjects, type Action, type RecordSubject, type Scope } from '../../auth/permissions';

/**
 * Sharing of record types (ACC-2), the workspace-wide default beneath the roles' scopes: a
 * `private` type is seen by scope (own, team, all); a `read` type's records are read by everyone
 * whose role may read the type at all; an `edit` type's are also updated by them. Deleting,
 * merging and giving records to another owner stay with the scope, so a shared account being
 * worked by one seller is still theirs (SAL-12).
 */
export const sharingLevels = ['private', 'read', 'edit'] as const;
export type SharingLevel = (typeof sharingLevels)[number];

export type Sharing = Record<RecordSubject, SharingLevel>;

export const privateSharing: Sharing = Object.fromEntries(recordSubjects.map((s) => [s, 'private'])) as Sharing;

const level = z.enum(sharingLevels);

/** The whole setting, saved over the version it was read at; a type left out stays private. */
export const sharingSetSchema = z.strictObject({
  types: z.strictObject(Object.fromEntries(recordSubjects.map((s) => [s, level.default('private')])) as Record<RecordSubject, z.ZodDefault<typeof level>>),
  version: z.number().int().nonnegative(),
});
export interface SharingSet {
  types: Sharing;
  version: number;
}

const opens: Record<SharingLevel, readonly Action[]> = { private: [], read: ['read'], edit: ['read', 'update'] };

/** The scope an action gets on a type: the role's, widened to `all` where the type is shared for it. */
export function sharedScope(scope: Scope, level: SharingLevel, action: Action): Scope {
  return opens[level].includes(action) ? 'all' : scope;
}

export const isRecordSubject = (subject: string): subject is RecordSubject => (recordSubjects as readonly string[]).includes(subject);
