import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/**
 * One stack per data directory (ADR 0016): two `npm start` from one clone would each start their
 * own emulators but over the same DynamoDB Local and Cognito files, so the second one stops. The
 * lock (proper-lockfile: created atomically, kept fresh while we run) goes stale by itself when
 * its holder died, so a crash never leaves the directory locked.
 */
/** The lock's name inside the data directory (kept by `npm start -- --fresh`). */
export const dataDirLockFile = 'stack.lock';

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  mkdirSync(dataDir, { recursive: true });
  try {
    const release = await lockfile.lock(dataDir, {
      lockfilePath: join(dataDir, dataDirLockFile),
      stale: 30_000,
      // A busy machine that delays the refresh past `stale` must not crash the stack: say so instead.
      onCompromised: (error) => console.warn(`[local] the lock on ${dataDir} was lost: ${error.message}`),
    });
    // Called with no argument: the library takes a first argument as its own callback's place.
    return () => release();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    throw Object.assign(new Error(`Another local stack is using ${dataDir}. Stop it first, or start this one from another clone.`), { code: 'ELOCKED' });
  }
}
