import { join } from 'node:path';

/** The repository root: function entries in the app definition are relative to it. */
export const repoRoot = join(import.meta.dirname, '..', '..');
