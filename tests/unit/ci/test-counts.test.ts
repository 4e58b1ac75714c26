import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closingLine, countOutcomes, type Counts } from '../../../scripts/test-counts';

/**
 * CI's closing line (`.ci/run`) counts what made the run red: a failing `beforeAll` once printed
 * "1 passed, 0 failed" while the run exited 1.
 */
describe('countOutcomes', () => {
  it('counts passed and failed tests, and skipped ones in files that ran', () => {
    expect(countOutcomes([{ state: 'failed', tests: ['passed', 'failed', 'skipped'] }, { state: 'passed', tests: ['passed'] }], 0)).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });

  it('counts a file that failed in a hook or at import as one failure, its unrun tests not as skipped', () => {
    expect(countOutcomes([{ state: 'failed', tests: ['skipped', 'skipped'] }, { state: 'failed', tests: [] }, { state: 'passed', tests: ['passed'] }], 0)).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });

  it('counts each unhandled error as a failure', () => {
    expect(countOutcomes([{ state: 'passed', tests: ['passed'] }], 2)).toEqual({ passed: 1, failed: 2, skipped: 0 });
  });
});

describe('closingLine', () => {
  const green: Counts = { passed: 5, failed: 0, skipped: 0 };
  it('is exactly "N passed, N failed", with ", N skipped" only when some were', () => {
    expect(closingLine(green, 0)).toBe('5 passed, 0 failed');
    expect(closingLine({ passed: 5, failed: 1, skipped: 2 }, 1)).toBe('5 passed, 1 failed, 2 skipped');
  });

  it('never says 0 failed for a run that exited non-zero', () => {
    expect(closingLine(green, 1)).toBe('5 passed, 1 failed');
    expect(closingLine({ passed: 5, failed: 3, skipped: 0 }, 1)).toBe('5 passed, 3 failed');
  });
});

describe('the reporter in a real Vitest run', () => {
  it('closes a run with a failing beforeAll, a broken import and an unhandled error as 2 passed, 3 failed', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-counts-'));
    try {
      writeFileSync(join(dir, 'vitest.config.mjs'), "export default { test: { globals: true, include: ['*.test.js'] } };\n");
      writeFileSync(join(dir, 'setup.test.js'), "beforeAll(() => { throw new Error('setup broke'); });\nit('never runs', () => {});\n");
      writeFileSync(join(dir, 'import.test.js'), "import './missing.js';\nit('never collected', () => {});\n");
      writeFileSync(join(dir, 'unhandled.test.js'), "it('leaks an error', () => { setTimeout(() => { throw new Error('late'); }, 0); });\nit('waits', async () => { await new Promise((r) => setTimeout(r, 50)); });\n");
      const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
      const reporter = fileURLToPath(new URL('../../../scripts/test-counts.ts', import.meta.url));
      const run = spawnSync(process.execPath, [vitest, 'run', '--root', dir, `--reporter=${reporter}`], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      const counts = JSON.parse(readFileSync(join(dir, '.test-results', 'counts.json'), 'utf8')) as Counts;
      expect(closingLine(counts, run.status!)).toBe('2 passed, 3 failed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
