import { existsSync, readFileSync } from 'node:fs';
import { closingLine, countsFile, type Counts } from './test-counts';

/** `.ci/run`'s last line: `tsx scripts/closing-line.ts <exit status of npm test>`. */
const status = Number(process.argv[2] ?? 1);
if (existsSync(countsFile)) {
  console.log(closingLine(JSON.parse(readFileSync(countsFile, 'utf8')) as Counts, status));
} else {
  console.log('The test runner did not finish (lint, typecheck, the web build or its setup failed above).');
  console.log(closingLine({ passed: 0, failed: 1, skipped: 0 }, status));
}
