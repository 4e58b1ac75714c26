import { defaultMigrationContext } from '../../shared/migrations/context';
import type { MigrationContext } from '../../shared/migrations/migration';
import { migrations } from '../../shared/migrations/registry';
import { runMigrations, type RunResult } from '../../shared/migrations/runner';

/**
 * The pending data migrations on the table the environment names (ADR 0024): `npm start` runs them
 * on its data folder before it serves anything, so a folder written by an older release is moved to
 * this one's formats; `npm run migrate` runs them on their own, or as a dry run. A fresh table has
 * nothing to move and is recorded at the latest version after a few empty Scans.
 */
export async function migrateLocalData(options: { dryRun?: boolean; log?: (line: string) => void; context?: MigrationContext } = {}): Promise<RunResult> {
  return runMigrations({
    migrations,
    context: options.context ?? defaultMigrationContext,
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}
