import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { app } from '../infra/definition/app';
import { measureBundles } from './bundles';
import { spawnSync } from 'node:child_process';
import { measureDynamoDbLocalCeiling } from './dynamodb-local-ceiling';
import { measureWebBundle } from './web-bundle';
import { measureWebToLeadLoad } from './web-to-lead-load';

/**
 * `npm run bench`: the figures the budgets in ARCHITECTURE.md are checked against. Prints them and
 * writes bench/results.json (metric name → number) so runs can be compared.
 */
const root = join(import.meta.dirname, '..');
/** ARCHITECTURE.md's budget is for API functions; background runners (exceljs inside) are reported, not held to it. */
const budgetBytes = 300 * 1024;
const servesRequests = (id: string) => app.routes.some((r) => r.function === id);
const metrics: Record<string, number> = {};

console.log('\n== Function bundles (minified, AWS SDK external as in the stack) and cold module init ==');
const bundles = await measureBundles(root);
console.table(bundles.map((b) => ({ function: b.id, KB: Math.round(b.bytes / 102.4) / 10, 'init ms (median of 5)': b.initMs, 'API function': servesRequests(b.id), 'within 300 KB': b.bytes <= budgetBytes })));
for (const b of bundles) {
  metrics[`bundle.${b.id}.bytes`] = b.bytes;
  metrics[`init.${b.id}.ms`] = b.initMs;
}

console.log('\n== Web UI: JavaScript loaded before the first page (npm run bench builds the web first) ==');
const web = measureWebBundle(root);
const webBudgetGzipBytes = 300 * 1024;
console.table([{ 'initial KB gzip': Math.round(web.initialGzipBytes / 102.4) / 10, 'initial KB': Math.round(web.initialBytes / 102.4) / 10, 'largest page chunk KB gzip': Math.round(web.largestLazyChunkGzipBytes / 102.4) / 10, chunks: web.chunks, 'within 300 KB gzip': web.initialGzipBytes <= webBudgetGzipBytes }]);
for (const [name, value] of Object.entries(web)) metrics[`web.${name}`] = value;

console.log('\n== DynamoDB requests per operation of every record type (counted on the wire) ==');
const requests = inOwnProcess<Record<string, Record<string, number>>>('requests-per-operation.ts');
console.table(Object.entries(requests).map(([operation, counts]) => ({ operation, ...counts })));
for (const [operation, counts] of Object.entries(requests)) {
  for (const [call, n] of Object.entries(counts)) metrics[`dynamodb.${operation}.${call}`] = n;
}

console.log('\n== Web-to-lead under concurrent load on the local stack ==');
const load = await measureWebToLeadLoad();
console.table([load]);
for (const [name, value] of Object.entries(load)) metrics[`webToLead.${name}`] = value;

console.log('\n== For scale: DynamoDB Local alone, committing capture-shaped transactions (lead, history, email mark) ==');
const ceiling = await measureDynamoDbLocalCeiling();
console.table([ceiling]);
metrics['dynamodbLocal.captureShapedTransactionsPerSecond'] = ceiling.captureShapedTransactionsPerSecond;

console.log('\n== Quick search among 50 000 contacts, and import throughput (the real job, one row per transaction) ==');
const searchAndImport = inOwnProcess<Record<string, number>>('search-and-import.ts');
console.table([searchAndImport]);
for (const [name, value] of Object.entries(searchAndImport)) metrics[`searchAndImport.${name}`] = value;

/** The handlers' SDK clients live as long as their process, so these stages get one of their own. */
function inOwnProcess<T>(script: string): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', script)], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const line = child.stdout.split('\n').find((l) => l.startsWith('@@RESULT'));
  if (child.status !== 0 || !line) throw new Error(`bench/${script} failed:\n${child.stderr}`);
  return JSON.parse(line.slice('@@RESULT'.length)) as T;
}

const file = join(root, 'bench', 'results.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(metrics, null, 2)}\n`);
console.log(`\nWrote ${Object.keys(metrics).length} metrics to bench/results.json`);

const failures = [
  ...bundles.filter((b) => servesRequests(b.id) && b.bytes > budgetBytes).map((b) => `bundle ${b.id} is ${b.bytes} bytes (> ${budgetBytes})`),
  ...(web.initialGzipBytes > webBudgetGzipBytes ? [`web initial JS is ${web.initialGzipBytes} bytes gzip (> ${webBudgetGzipBytes})`] : []),
  ...(load.leadsLost || load.leadsDuplicated ? [`web-to-lead lost ${load.leadsLost} and duplicated ${load.leadsDuplicated} leads`] : []),
];
if (failures.length) {
  console.error(`\nOver budget:\n- ${failures.join('\n- ')}`);
  process.exitCode = 1;
}
process.exit();
