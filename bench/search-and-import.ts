import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { app } from '../infra/definition/app';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/free-port';
import { ensureTable } from '../infra/local/table';
import { admin, apiEvent as testEvent, invoke } from '../tests/support/api-event';
import { localTestEnv } from '../tests/support/local-env';
import type { ImportJob } from '../shared/domain/imports/import-job';

/** The bench measures operations as an admin sees them (the test harness's default caller is a sales rep). */
const apiEvent = (options: Parameters<typeof testEvent>[0]) => testEvent({ user: admin, ...options });

/**
 * Quick search at scale (REC-13) and import throughput (REC-11) against DynamoDB Local.
 *
 * Search: 50 000 contacts are seeded with exactly the items their creation writes (the record and
 * its history entry: `recordChangeSet`) and what search-derive then derives (search terms, match
 * keys, its state: `planDerivation`), in batches, since
 * creating them one transaction at a time would take the bench most of an hour here; then names,
 * phones in other formatting and emails are looked up through the search handler, as typed.
 *
 * Import: a CSV of contacts (10% of them duplicates of earlier rows) goes through the real job:
 * file read, dry run, import, each step as the runner does it, one row per transaction.
 */
const table = 'crm-bench-search';

export async function measureSearchAndImport(options: { contacts: number; importRows: number; queries: number }) {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const filesDir = mkdtempSync(join(tmpdir(), 'crm-bench-files-'));
  Object.assign(process.env, localTestEnv({ dynamoEndpoint: dynamo.endpoint, tableName: table }), { FILES_DIR: filesDir, FILES_URL_SECRET: 'bench' });
  try {
    const client = new DynamoDBClient({});
    await ensureTable(client, table, app.table);
    const { putUser } = await import('../shared/data/users-repository');
    await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
    const seedSeconds = await seedContacts(DynamoDBDocumentClient.from(client), options.contacts);
    client.destroy();
    const search = await measureSearch(options.queries, options.contacts);
    const imported = await measureImport(options.importRows);
    return { contactsSeeded: options.contacts, seedSeconds, ...search, ...imported };
  } finally {
    await dynamo.stop();
    rmSync(filesDir, { recursive: true, force: true });
  }
}

const lastNames = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Васильев', 'Петров', 'Соколов', 'Михайлов', 'Новиков', 'Фёдоров', 'Морозов', 'Волков', 'Алексеев', 'Лебедев', 'Семёнов', 'Егоров'];
const firstNames = ['Александр', 'Дмитрий', 'Максим', 'Сергей', 'Андрей', 'Алексей', 'Артём', 'Илья', 'Кирилл', 'Михаил'];
const phoneOf = (i: number) => `+7 (9${String(i % 100).padStart(2, '0')}) ${String(100 + (i % 900)).padStart(3, '0')}-${String(Math.floor(i / 900) % 100).padStart(2, '0')}-${String(i % 97).padStart(2, '0')}`;

async function seedContacts(doc: DynamoDBDocumentClient, count: number): Promise<number> {
  const { createRecord } = await import('../shared/domain/records/record-commands');
  const { recordChangeSet } = await import('../shared/data/records-repository');
  const { contactKind } = await import('../shared/domain/contacts/contact');
  const { historyKeys, recordKeys } = await import('../shared/data/keys');
  const { derivedKey, planDerivation } = await import('../shared/data/derived-index');
  const { families } = await import('../shared/data/table-schema');
  const { kinds } = await import('../shared/domain/records/kinds');
  const { newId } = await import('../shared/domain/common/clock');
  const actor = { type: 'user' as const, id: admin.sub, roles: ['admin' as const] };
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const items: Record<string, unknown>[] = [];
      for (let n = 0; n < 20 && next < count; n++) {
        const i = next++;
        const now = new Date(Date.UTC(2026, 0, 1) + i * 1000);
        const change = createRecord(
          contactKind,
          { lastName: `${lastNames[i % lastNames.length]}${i}`, firstName: firstNames[i % firstNames.length]!, status: 'active', phones: [{ kind: 'mobile', number: phoneOf(i) }], emails: [{ kind: 'work', address: `person${i}@firm${i % 500}.ru` }] },
          { actor, now, newId: () => newId(now) },
          admin.sub,
        );
        const set = recordChangeSet(contactKind, change);
        // And what search-derive writes a moment later from the stream (ADR 0009): its items and state.
        const derived = planDerivation(undefined, { kind: kinds.contact, record: change.record });
        items.push(
          ...set.puts.map((p) => p.item),
          ...set.history.map((h) => ({ ...historyKeys.item(h.recordPk, h.entry.at, h.entry.id), entity: 'HISTORY', ...h.entry })),
          ...derived.puts,
          ...(derived.next ? [{ ...derivedKey(recordKeys('CONTACT').item(change.record.id).pk), entity: families.derived.entity, ...derived.next }] : []),
        );
      }
      for (let i = 0; i < items.length; i += 25) {
        let requests = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
        while (requests.length) {
          const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return Math.round((performance.now() - started) / 100) / 10;
}

async function measureSearch(queries: number, contacts: number) {
  const search = (await import('../functions/search/search-api')).handler;
  const typed = (i: number): string => {
    const n = (i * 7919) % contacts;
    const digits = phoneOf(n).replace(/\D/g, '');
    switch (i % 4) {
      case 0:
        return `8${digits.slice(1)}`; // the phone as typed in Russia, 8 instead of +7
      case 1:
        return `${lastNames[n % lastNames.length]}${n}`.toLowerCase().slice(0, 7); // a name being typed
      case 2:
        return `person${n}@`; // an email being typed
      default:
        return `+7 ${digits.slice(1, 4)} ${digits.slice(4, 7)}`; // a partial phone
    }
  };
  for (let i = 0; i < 20; i++) await invoke(search, apiEvent({ route: 'GET /api/search', query: { q: typed(i) } }));
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    const res = await invoke<{ items: unknown[] }>(search, apiEvent({ route: 'GET /api/search', query: { q: typed(i) } }));
    times.push(performance.now() - started);
    if (res.status === 200 && res.body.items.length > 0) hits++;
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * p))]! * 10) / 10;
  return { searchQueries: queries, searchQueriesWithHits: hits, searchP50Ms: at(0.5), searchP95Ms: at(0.95), searchMaxMs: at(1) };
}

async function measureImport(rows: number) {
  const { fileStore } = await import('../shared/adapters/file-store');
  const { importFileKeys } = await import('../shared/domain/imports/import-job');
  const { readImportFile, runImportStep } = await import('../shared/services/import-runner');
  const imports = (await import('../functions/imports/imports-api')).handler;
  const lines = ['Фамилия;Имя;Телефон;E-mail;Компания'];
  for (let i = 0; i < rows; i++) {
    const n = i % 10 === 9 ? i - 9 : i; // every tenth row repeats an earlier person
    lines.push(`Импортов${n};${firstNames[n % firstNames.length]};+7 901 ${String(1_000_000 + n).slice(1)};imp${n}@bench.ru;ООО «Бенч ${n % 50}»`);
  }
  const bytes = new TextEncoder().encode(lines.join('\n'));
  type Job = ImportJob & { progress: NonNullable<ImportJob['progress']> };
  const call = (route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'>) => invoke<Job & { import: Job }>(imports, apiEvent({ route, ...options }));
  const started = (await call('POST /api/imports', { body: { recordType: 'contact', fileName: 'bench.csv', contentType: 'text/csv', bytes: bytes.length, duplicatePolicy: 'skip' } })).body.import;
  await fileStore().write(importFileKeys(started.id).source, bytes, 'text/csv');
  const at = { pathParameters: { importId: started.id } };
  await call('POST /api/imports/{importId}/file', { ...at, body: { version: 1 } });
  await readImportFile(started.id);
  const read = (await call('GET /api/imports/{importId}', at)).body;
  const phase = async (name: 'check' | 'run', version: number) => {
    const begun = performance.now();
    let job = (await call(`POST /api/imports/{importId}/${name}`, { ...at, body: { version } })).body;
    while (job.status === 'checking' || job.status === 'importing') {
      await runImportStep({ importId: job.id, phase: job.progress.phase, step: job.progress.step }, { batchSize: 50, timeIsUp: () => false });
      job = (await call('GET /api/imports/{importId}', at)).body;
    }
    return { job, seconds: (performance.now() - begun) / 1000 };
  };
  const check = await phase('check', read.version);
  const run = await phase('run', check.job.version);
  const counts = run.job.progress.counts;
  return {
    importRows: rows,
    importDryRunRowsPerSecond: Math.round(rows / check.seconds),
    importRowsPerSecond: Math.round(rows / run.seconds),
    importCreated: counts.created,
    importSkippedDuplicates: counts.skipped,
  };
}

// Run as its own process (see bench/run.ts), like requests-per-operation.ts.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const contacts = Number(process.env.BENCH_CONTACTS ?? 50_000);
  process.stdout.write(`\n@@RESULT${JSON.stringify(await measureSearchAndImport({ contacts, importRows: 2_000, queries: 400 }))}\n`);
  process.exit();
}
