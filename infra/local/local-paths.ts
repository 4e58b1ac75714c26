import { join } from 'node:path';

/** The repository root: function entries in the app definition are relative to it. */
export const repoRoot = join(import.meta.dirname, '..', '..');

/** Where `npm start` keeps its data between runs (git-ignored). */
export const defaultDataDir = join(repoRoot, '.local');

/** The built web UI (`npm run build:web`). */
export const webDistDir = join(repoRoot, 'web', 'dist');
