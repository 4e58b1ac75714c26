import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

/**
 * The counts behind CI's closing line "N passed, N failed" (`.ci/run`). Vitest's own counts are
 * of tests only: a file whose `beforeAll` or import failed has no failed test (its tests are
 * "skipped"), and an unhandled error belongs to no test at all, so a red run could close with
 * "1 passed, 0 failed". Here each of those is a failure of its own.
 */
export interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export interface FileOutcome {
  /** The file's state: failed when a hook, its import or any of its tests failed. */
  state: string;
  tests: readonly string[];
}

export function countOutcomes(files: readonly FileOutcome[], unhandledErrors: number): Counts {
  const counts: Counts = { passed: 0, failed: unhandledErrors, skipped: 0 };
  for (const file of files) {
    const failedTests = file.tests.filter((state) => state === 'failed').length;
    counts.passed += file.tests.filter((state) => state === 'passed').length;
    counts.failed += failedTests;
    // A file that failed with no failed test failed in a hook, at import or at collection: one
    // failure, and its tests that never ran are part of it, not "skipped".
    if (file.state === 'failed' && failedTests === 0) counts.failed += 1;
    else counts.skipped += file.tests.filter((state) => state === 'skipped' || state === 'pending').length;
  }
  return counts;
}

/** The closing line; a run that exited non-zero never closes with 0 failed. */
export function closingLine(counts: Counts, exitStatus: number): string {
  const failed = exitStatus !== 0 ? Math.max(counts.failed, 1) : counts.failed;
  return `${counts.passed} passed, ${failed} failed` + (counts.skipped ? `, ${counts.skipped} skipped` : '');
}

export const countsFile = '.test-results/counts.json';

/** `vitest --reporter=./scripts/test-counts.ts`: writes the counts to `.test-results/counts.json`. */
export default class TestCountsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    const files = testModules.map((module) => ({ state: module.state(), tests: [...module.children.allTests()].map((test) => test.result().state) }));
    mkdirSync(dirname(countsFile), { recursive: true });
    writeFileSync(countsFile, `${JSON.stringify(countOutcomes(files, unhandledErrors.length))}\n`);
  }
}
