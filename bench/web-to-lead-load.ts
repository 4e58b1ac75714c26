import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalStack } from '../infra/local/local-stack';

/**
 * Web-to-lead under concurrent load on the whole local stack (HTTP adapter, handler, DynamoDB
 * Local, stream, bus): throughput, latency percentiles, and proof that every distinct email
 * became exactly one lead, every post was counted, and every new lead's event reached the bus.
 */
export interface LoadFigures {
  warmUpPosts: number;
  posts: number;
  distinctEmails: number;
  concurrency: number;
  seconds: number;
  throughputPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non303: number;
  leadsStored: number;
  leadsLost: number;
  leadsDuplicated: number;
  submissionsCounted: number;
  capturedEventsOnBus: number;
}

/**
 * A warm-up round first: DynamoDB Local is Java, and its first few hundred requests run before
 * the JIT has compiled them, at half speed. The figures are for the sustained rate after it.
 */
/**
 * Each person their own mobile number, the same on a repeat: one number shared by every lead would
 * make each new lead a duplicate of all the others (REC-12 pairs), which is not what a site sees.
 */
function phoneOf(email: string): string {
  let hash = 2166136261;
  for (const ch of email) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const digits = String(hash % 10_000_000).padStart(7, '0');
  return `+7 901 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export async function measureWebToLeadLoad(posts = 3_000, concurrency = 32, repeatShare = 0.1, warmUpPosts = 600): Promise<LoadFigures> {
  const stack = await startLocalStack({ inMemory: true, fixedPorts: false, quiet: true });
  try {
    const { idToken } = await stack.signIn(stack.admin.email, stack.admin.password);
    const created = await fetch(`${stack.url}/api/forms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'load', name: 'Load test', thankYouUrl: `${stack.url}/thank-you.html`, rateLimitPerMinute: 100_000 }),
    });
    if (created.status !== 201) throw new Error(`Could not create the load form: ${created.status} ${await created.text()}`);

    const captured = new Set<string>();
    stack.bus.onEvent((event: { 'detail-type': string; detail: { lead: { id: string } } }) => {
      if (event['detail-type'] === 'LeadCaptured') captured.add(event.detail.lead.id);
    });

    const distinct = Math.round(posts * (1 - repeatShare));
    const emailOf = (i: number) => `load${i < distinct ? i : i % distinct}@bench.example`;
    const round = async (count: number, email: (i: number) => string) => {
      const latencies: number[] = [];
      let non303 = 0;
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < count) {
            const i = next++;
            const body = new URLSearchParams({ name: `Нагрузкин Тест ${i}`, email: email(i), phone: phoneOf(email(i)) });
            const t = performance.now();
            const res = await fetch(`${stack.url}/api/forms/load/submissions`, {
              method: 'POST',
              headers: { 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
              body,
              redirect: 'manual',
            });
            await res.arrayBuffer();
            latencies.push(performance.now() - t);
            if (res.status !== 303) non303++;
          }
        }),
      );
      return { latencies, non303, seconds: (performance.now() - started) / 1000 };
    };
    await round(warmUpPosts, (i) => `warm${i}@warm-up.example`);
    const { latencies, non303, seconds } = await round(posts, emailOf);

    const all = await storedLeads(stack.dynamoEndpoint, stack.tableName);
    await waitFor(() => all.every((lead) => captured.has(String(lead.id))), 60_000);
    const leads = all.filter((lead) => String(lead.email).endsWith('@bench.example'));
    const perEmail = new Map<string, number>();
    for (const lead of leads) perEmail.set(String(lead.email), (perEmail.get(String(lead.email)) ?? 0) + 1);
    const expected = new Set(Array.from({ length: posts }, (_, i) => emailOf(i)));
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
    return {
      warmUpPosts,
      posts,
      distinctEmails: expected.size,
      concurrency,
      seconds: Math.round(seconds * 100) / 100,
      throughputPerSecond: Math.round(posts / seconds),
      p50Ms: pct(50),
      p99Ms: pct(99),
      non303,
      leadsStored: leads.length,
      leadsLost: [...expected].filter((email) => !perEmail.has(email)).length,
      leadsDuplicated: [...perEmail.values()].reduce((sum, n) => sum + (n - 1), 0),
      submissionsCounted: leads.reduce((sum, lead) => sum + Number(lead.submissionCount), 0),
      capturedEventsOnBus: leads.filter((lead) => captured.has(String(lead.id))).length,
    };
  } finally {
    await stack.stop();
  }
}

async function storedLeads(endpoint: string, table: string): Promise<Record<string, unknown>[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint }));
  const leads: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ TableName: table, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': 'LEADS' }, ExclusiveStartKey: startKey }),
    );
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
