import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../../../infra/local/data-dir-lock';

/**
 * Two `npm start` from one clone share its `.local/`: with their own emulators each, they would
 * still write the same DynamoDB Local and Cognito files (ADR 0016). The second one stops instead.
 */
const base = mkdtempSync(join(tmpdir(), 'crm-lock-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('lockDataDir', () => {
  it('refuses a second stack on the same data directory, naming it, until the first releases it', async () => {
    const dir = join(base, 'shared');
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir)).rejects.toThrow(`Another local stack is using ${dir}`);
    // As a stack's stop() calls it: through a promise chain, which passes an argument.
    await Promise.resolve().then(release);
    const again = await lockDataDir(dir);
    await again();
  });

  it('lets stacks on different data directories start side by side, at the same instant', async () => {
    const releases = await Promise.all([lockDataDir(join(base, 'a')), lockDataDir(join(base, 'b'))]);
    await Promise.all(releases.map((release) => release()));
  });

  it('lets only one of two stacks started at the same instant on one directory have it', async () => {
    const dir = join(base, 'race');
    const settled = await Promise.allSettled([lockDataDir(dir), lockDataDir(dir)]);
    expect(settled.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const r of settled) if (r.status === 'fulfilled') await r.value();
    expect(existsSync(join(dir, 'stack.lock'))).toBe(false);
  });
});
