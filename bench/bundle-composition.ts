import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { app } from '../infra/definition/app';
import { asTheStackBundles } from './bundles';

/**
 * What a function's bundle is made of, in KB, bundled as the stack bundles it: the app's own code
 * and the largest dependencies. For explaining a bundle figure of `npm run bench`.
 * `npx tsx bench/bundle-composition.ts users accounts` (no ids: every function).
 */
const root = join(import.meta.dirname, '..');
const groups: [name: string, path: string][] = [
  ['zod', 'node_modules/zod/'],
  ['libphonenumber-js', 'node_modules/libphonenumber-js/'],
  ['powertools', 'node_modules/@aws-lambda-powertools/'],
  ['middy', 'node_modules/@middy/'],
  ['exceljs', 'node_modules/exceljs/'],
  ['iconv-lite', 'node_modules/iconv-lite/'],
];
const groupOf = (input: string) => groups.find(([, path]) => input.includes(path))?.[0] ?? (input.includes('node_modules/') ? 'other packages' : 'app');

const wanted = process.argv.slice(2);
const rows: Record<string, number | string>[] = [];
for (const fn of app.functions.filter((f) => !wanted.length || wanted.includes(f.id))) {
  const result = await build({ ...asTheStackBundles, entryPoints: [resolve(root, fn.entry)], write: false, metafile: true });
  const output = Object.values(result.metafile.outputs)[0]!;
  const kb: Record<string, number> = {};
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) kb[groupOf(input)] = (kb[groupOf(input)] ?? 0) + bytesInOutput;
  rows.push({ function: fn.id, KB: Math.round(output.bytes / 1024), ...Object.fromEntries(Object.entries(kb).map(([name, bytes]) => [name, Math.round(bytes / 1024)])) });
}
console.table(rows);
