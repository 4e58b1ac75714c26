import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { freePort } from '../infra/local/free-port';
import { startLocalStack } from '../infra/local/local-stack';
import { families, fill } from '../shared/data/table-schema';
import { keyPrefixOf } from '../shared/domain/records/record-type';
import { startRequestCounter, type RecordedTransaction, type RequestCounter, type WriteRecord } from './dynamo-request-counter';
import { installDynamoWiretap } from './dynamo-wiretap';
import { cpuBetween, processTreeCpuMs } from './process-cpu';
import { emailOf, phoneOf } from './web-to-lead-client';

/**
 * Web-to-lead under concurrent load on the whole local stack (HTTP adapter, handler, DynamoDB
 * Local, stream, bus): throughput, latency percentiles, and proof that every distinct email
 * became exactly one lead, every post was counted, and every new lead's event reached the bus.
 * Then what a lead costs, all of it (issue 14 §6): a second, metered round prices every request the
 * stack makes until it is quiet again — the capture, the stream consumers' index writes, their
 * idempotency records, the notifications — by DynamoDB's billing rules (bench/capacity-units.ts).
 * The metering proxy reads items around each write, so the throughput round runs without it.
 *
 * `npx tsx bench/web-to-lead-load.ts` runs this stage alone.
 */
export interface LoadFigures {
  warmUpPosts: number;
  posts: number;
  distinctEmails: number;
  concurrency: number;
  seconds: number;
  leadsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non303: number;
  leadsStored: number;
  leadsLost: number;
  leadsDuplicated: number;
  submissionsCounted: number;
  capturedEventsOnBus: number;
  /** Median, from the 303 to the lead found by GET /api/search, sampled during the throughput round. */
  msUntilSearchable: number;
  msUntilSearchableP90: number;
  searchableSamples: number;
  /** CPU of every process of the local stack (node runtime, DynamoDB Local, emulators) per new lead, until quiet. */
  cpuMsPerLead: number;
  meteredPosts: number;
  meteredLeads: number;
  /** Every write unit of the metered round, until the stack is quiet, per new lead. */
  writeUnitsPerLead: number;
  readUnitsPerLead: number;
  /** The busiest partition (table or index) of the metered round, as a share of its write units. */
  largestPartitionWriteShare: number;
  /** What a lead's items and their index copies hold in the table (the metered round's new bytes per lead). */
  storedBytesPerLead: number;
  /** Events on the bus per new lead in the metered round (LeadCaptured and whatever its consumers publish). */
  eventsPerLead: number;
}

export interface LoadReport {
  figures: LoadFigures;
  largestPartition: string;
  /** Write units per lead by item family and target (`LEAD table`, `SEARCH table`, `LEAD gsi1`…). */
  byFamily: Record<string, number>;
  /** Write units per lead by request type. */
  byOperation: Record<string, number>;
  /** Our write units against what DynamoDB Local reported, per request type, for the whole metered round. */
  localComparison: Record<string, { ours: number; dynamodbLocal: number }>;
  cpuMsByProcess: Record<string, number>;
  /** The capture's transaction as sent, for the ceiling stage to replay (bench/dynamodb-local-ceiling.ts). */
  captureTransaction?: RecordedTransaction;
}

const root = join(import.meta.dirname, '..');
const leadPrefix = keyPrefixOf('lead');
/** A lead's own item has this sort key (the record family's, for the lead type). */
const leadSortKey = fill(families.record.sk, { prefix: leadPrefix });
export const captureTransactionFile = join(root, '.bench', 'capture-transaction.json');

export async function measureWebToLeadLoad(posts = 3_000, concurrency = 32, repeatShare = 0.1, warmUpPosts = 600, meteredPosts = 600): Promise<LoadReport> {
  // Before the stack's first SDK call: the metered round re-routes the handlers' DynamoDB calls.
  const wiretap = installDynamoWiretap();
  const stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  let meter: RequestCounter | undefined;
  try {
    const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
    const created = await fetch(`${stack.url}/api/forms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'load', name: 'Load test', thankYouUrl: `${stack.url}/thank-you.html`, rateLimitPerMinute: 100_000 }),
    });
    if (created.status !== 201) throw new Error(`Could not create the load form: ${created.status} ${await created.text()}`);

    const captured = new Set<string>();
    let events = 0;
    stack.bus.onEvent((event: { 'detail-type': string; detail: { lead: { id: string } } }) => {
      events++;
      if (event['detail-type'] === 'LeadCaptured') captured.add(event.detail.lead.id);
    });
    const round = (count: number, prefix: string, domain: string, distinct = count) =>
      inClientProcess({ url: stack.url, formId: 'load', count, distinct, concurrency, prefix, domain });

    await round(warmUpPosts, 'warm', 'warm-up.example');
    await stack.idle();

    const distinct = Math.round(posts * (1 - repeatShare));
    const cpuBefore = processTreeCpuMs();
    const sampling = { stop: false };
    const samples = sampleSearchable(stack.url, idToken, sampling);
    const { seconds, p50Ms, p99Ms, non303 } = await round(posts, 'load', 'bench.example', distinct);
    sampling.stop = true;
    await stack.idle();
    const cpuAfter = processTreeCpuMs();
    const cpuMsByProcess = cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : {};
    const searchable = (await samples).sort((a, b) => a - b);

    const all = await storedLeads(stack.dynamoEndpoint, stack.tableName);
    await waitFor(() => all.every((lead) => captured.has(String(lead.id))), 60_000);
    const leads = all.filter((lead) => String(lead.email).endsWith('@bench.example'));
    const perEmail = new Map<string, number>();
    for (const lead of leads) perEmail.set(String(lead.email), (perEmail.get(String(lead.email)) ?? 0) + 1);
    const expected = new Set(Array.from({ length: posts }, (_, i) => emailOf({ prefix: 'load', domain: 'bench.example', distinct }, i)));

    // The metered round: every DynamoDB request of the process through the pricing proxy, until quiet.
    meter = await startRequestCounter(stack.dynamoEndpoint, await freePort(), { meter: true, recordTransactions: 50 });
    const dynamoPort = Number(new URL(stack.dynamoEndpoint).port);
    wiretap.route(dynamoPort, Number(new URL(meter.endpoint).port));
    const meteredDistinct = Math.round(meteredPosts * (1 - repeatShare));
    const eventsBefore = events;
    await round(meteredPosts, 'metered', 'bench.example', meteredDistinct);
    await stack.idle();
    const meteredEvents = events - eventsBefore;
    wiretap.route(dynamoPort, undefined);
    const writes = meter.writes();
    const totalWrite = sum(writes);
    const per = (records: WriteRecord[], key: (r: WriteRecord) => string) => {
      const grouped: Record<string, number> = {};
      for (const r of records) grouped[key(r)] = (grouped[key(r)] ?? 0) + r.units;
      return Object.fromEntries(Object.entries(grouped).sort(([, a], [, b]) => b - a).map(([name, units]) => [name, round2(units / meteredDistinct)]));
    };
    const byPartition = Object.entries(per(writes, (r) => `${r.target} ${r.partition}`))[0] ?? ['none', 0];
    const ours = per(writes, (r) => r.operation);
    const localReported = meter.localReportedWriteUnits();
    // A new lead's capture: the transaction that created a lead's own item (a repeat replaces one).
    const captureTransaction = meter
      .transactions()
      .find((t) => t.request.TransactItems.some((entry, i) => t.created[i] && (entry.Put?.Item as { sk?: { S?: string } } | undefined)?.sk?.S === leadSortKey));
    if (captureTransaction) {
      mkdirSync(join(root, '.bench'), { recursive: true });
      writeFileSync(captureTransactionFile, JSON.stringify(captureTransaction));
    }

    const cpuMs = Object.values(cpuMsByProcess).reduce((a, b) => a + b, 0);
    return {
      figures: {
        warmUpPosts,
        posts,
        distinctEmails: expected.size,
        concurrency,
        seconds: round2(seconds),
        leadsPerSecond: Math.round(posts / seconds),
        p50Ms,
        p99Ms,
        non303,
        leadsStored: leads.length,
        leadsLost: [...expected].filter((email) => !perEmail.has(email)).length,
        leadsDuplicated: [...perEmail.values()].reduce((total, n) => total + (n - 1), 0),
        submissionsCounted: leads.reduce((total, lead) => total + Number(lead.submissionCount), 0),
        capturedEventsOnBus: leads.filter((lead) => captured.has(String(lead.id))).length,
        msUntilSearchable: percentile(searchable, 50),
        msUntilSearchableP90: percentile(searchable, 90),
        searchableSamples: searchable.length,
        cpuMsPerLead: round2(cpuMs / expected.size),
        meteredPosts,
        meteredLeads: meteredDistinct,
        writeUnitsPerLead: round2(totalWrite / meteredDistinct),
        readUnitsPerLead: round2(meter.reads().reduce((total, r) => total + r.units, 0) / meteredDistinct),
        largestPartitionWriteShare: Math.round((byPartition[1] * meteredDistinct * 1000) / totalWrite) / 1000,
        storedBytesPerLead: Math.round(writes.reduce((total, w) => total + w.bytes, 0) / meteredDistinct),
        eventsPerLead: round2(meteredEvents / meteredDistinct),
      },
      largestPartition: byPartition[0],
      byFamily: per(writes, (r) => `${r.family} ${r.target}`),
      byOperation: ours,
      localComparison: Object.fromEntries(
        Object.keys({ ...ours, ...localReported }).map((operation) => [operation, { ours: round2((ours[operation] ?? 0) * meteredDistinct), dynamodbLocal: round2(localReported[operation] ?? 0) }]),
      ),
      cpuMsByProcess: Object.fromEntries(Object.entries(cpuMsByProcess).map(([command, ms]) => [command, Math.round(ms)])),
      ...(captureTransaction ? { captureTransaction } : {}),
    };
  } finally {
    wiretap.route(0, undefined);
    await meter?.close();
    await stack.stop();
  }
}

/**
 * One probe lead at a time while the load runs: post it, then ask GET /api/search for its unique
 * email every 25 ms until it is found. The time from the 303 to the first hit is what a user
 * waiting for a just-captured lead sees (the search items are written after the capture).
 */
async function sampleSearchable(url: string, idToken: string, control: { stop: boolean }, max = 40): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; !control.stop && n < max; n++) {
    const email = `probe${n}-${Date.now().toString(36)}@searchable.example`;
    const posted = await fetch(`${url}/api/forms/load/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
      // Shaped like the load's posts (a phone too), so the probe waits for what a load lead waits for.
      body: new URLSearchParams({ name: `Пробный Поиск ${n}`, email, phone: phoneOf(email) }),
      redirect: 'manual',
    });
    await posted.arrayBuffer();
    if (posted.status !== 303) continue;
    const answered = performance.now();
    const deadline = answered + 30_000;
    while (performance.now() < deadline) {
      const found = await fetch(`${url}/api/search?q=${encodeURIComponent(email)}`, { headers: { authorization: `Bearer ${idToken}` } });
      const body = (await found.json()) as { items?: unknown[] };
      if (body.items?.length) {
        times.push(performance.now() - answered);
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return times;
}

/** The load client runs in a process of its own, so the stack's CPU figure is the stack's alone. */
function inClientProcess(options: Record<string, unknown>): Promise<{ seconds: number; p50Ms: number; p99Ms: number; non303: number }> {
  return new Promise((resolve, reject) => {
    // Not spawnSync: this process is the stack the client talks to.
    {
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench', 'web-to-lead-client.ts'), JSON.stringify(options)], { cwd: root });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
      child.on('close', (status) => {
        const line = out.split('\n').find((l) => l.startsWith('@@RESULT'));
        if (status !== 0 || !line) reject(new Error(`the load client failed:\n${err}`));
        else resolve(JSON.parse(line.slice('@@RESULT'.length)) as { seconds: number; p50Ms: number; p99Ms: number; non303: number });
      });
    }
  });
}

/** Every lead's own item: a Scan for the record family's sort key, so a change of the index keys (sharding) does not hide leads. */
async function storedLeads(endpoint: string, table: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
  const leads: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, FilterExpression: 'sk = :sk', ExpressionAttributeValues: { ':sk': leadSortKey }, ExclusiveStartKey: startKey }));
    leads.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  client.destroy();
  return leads;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
}

const sum = (records: { units: number }[]) => records.reduce((total, r) => total + r.units, 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!) : -1);

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const posts = Number(process.env.BENCH_POSTS ?? 3_000);
  const report = await measureWebToLeadLoad(posts, 32, 0.1, Math.min(600, posts), Number(process.env.BENCH_METERED_POSTS ?? 600));
  console.table([report.figures]);
  console.log(`largest partition: ${report.largestPartition}`);
  console.table(report.byFamily);
  console.table(report.byOperation);
  console.table(report.localComparison);
  console.table(report.cpuMsByProcess);
  process.exit();
}
