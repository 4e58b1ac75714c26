import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateUserPoolCommand, CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, describe, expect, it } from 'vitest';
import { startCognitoEmulator, type CognitoEmulator } from '../../../infra/local/cognito-emulator';
import { dynamoDbLocalAnswersAs, startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb-local';
import { freePort } from '../../../infra/local/free-port';
import { startLocalStack } from '../../../infra/local/local-stack';
import { startSesEmulator, type SesEmulator } from '../../../infra/local/ses-emulator';

/**
 * Two `npm start` on one machine (issue 12, section 6): both want DynamoDB Local on 8000, SES on
 * 8005 and Cognito on 9229 at the same instant. Each must end up talking to the emulators it
 * started, never to the other's: a marker written into one stack's emulator is absent from the
 * other's. And a foreign process answering on the usual port is never taken for our emulator.
 */
const region = 'eu-central-1';
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Emulators {
  dynamo: DynamoDbLocal;
  ses: SesEmulator;
  cognito: CognitoEmulator;
}

/** One stack's emulators, on the usual ports given, as local-stack.ts starts them. */
async function startEmulators(usual: { dynamo: number; ses: number; cognito: number }): Promise<Emulators> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crm-side-by-side-'));
  dirs.push(dataDir);
  const settled = await Promise.allSettled([
    startDynamoDbLocal({ port: usual.dynamo }),
    startSesEmulator({ port: usual.ses }),
    startCognitoEmulator({ port: usual.cognito, dataDir }),
  ] as const);
  const [dynamo, ses, cognito] = settled;
  if (dynamo.status === 'fulfilled' && ses.status === 'fulfilled' && cognito.status === 'fulfilled') return { dynamo: dynamo.value, ses: ses.value, cognito: cognito.value };
  await Promise.all(settled.map((r) => (r.status === 'fulfilled' ? r.value.stop() : undefined)));
  throw settled.find((r) => r.status === 'rejected')!.reason;
}

const stopEmulators = (e: Emulators) => Promise.all([e.dynamo.stop(), e.ses.stop(), e.cognito.stop()]);

async function tablesOf(e: Emulators): Promise<string[]> {
  const dynamo = new DynamoDBClient({ endpoint: e.dynamo.endpoint, region, credentials });
  try {
    return (await dynamo.send(new ListTablesCommand({}))).TableNames ?? [];
  } finally {
    dynamo.destroy();
  }
}

async function writeMarkers(e: Emulators, marker: string): Promise<void> {
  const dynamo = new DynamoDBClient({ endpoint: e.dynamo.endpoint, region, credentials });
  const ses = new SESv2Client({ endpoint: e.ses.endpoint, region, credentials });
  const cognito = new CognitoIdentityProviderClient({ endpoint: e.cognito.endpoint, region, credentials });
  try {
    await dynamo.send(
      new CreateTableCommand({
        TableName: marker,
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'crm@example.com',
        Destination: { ToAddresses: [`${marker}@example.com`] },
        Content: { Simple: { Subject: { Data: marker }, Body: { Text: { Data: marker } } } },
      }),
    );
    await cognito.send(new CreateUserPoolCommand({ PoolName: marker }));
  } finally {
    dynamo.destroy();
    ses.destroy();
    cognito.destroy();
  }
}

/** Every marker each of the stack's emulators holds. */
async function markersIn(e: Emulators): Promise<{ tables: string[]; mail: string[]; pools: string[] }> {
  const store = (await (await fetch(e.ses.storeUrl)).json()) as { emails: { subject: string }[] };
  const cognito = new CognitoIdentityProviderClient({ endpoint: e.cognito.endpoint, region, credentials });
  try {
    const { UserPools } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    return { tables: await tablesOf(e), mail: store.emails.map((m) => m.subject), pools: (UserPools ?? []).map((p) => p.Name!) };
  } finally {
    cognito.destroy();
  }
}

describe('two local stacks started at the same instant on one machine', () => {
  it('each talks only to the emulators it started, round after round', { timeout: 300_000 }, async () => {
    // The second stack starts at the same instant, then a little later: into the window where the
    // first one's check has found the ports free and its children have not bound them yet.
    for (const [round, lag] of [0, 150, 400, 800].entries()) {
      // Both stacks want the same usual ports, as two `npm start` want 8000, 8005 and 9229.
      const usual = { dynamo: await freePort(), ses: await freePort(), cognito: await freePort() };
      const later = new Promise((resolve) => setTimeout(resolve, lag)).then(() => startEmulators(usual));
      const settled = await Promise.allSettled([startEmulators(usual), later]);
      const started = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
      try {
        expect(settled.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
        const [a, b] = started as [Emulators, Emulators];
        expect(new Set([a.dynamo.endpoint, b.dynamo.endpoint]).size).toBe(2);
        expect(new Set([a.ses.endpoint, b.ses.endpoint]).size).toBe(2);
        expect(new Set([a.cognito.endpoint, b.cognito.endpoint]).size).toBe(2);

        await writeMarkers(a, `marker-a-${round}`);
        await writeMarkers(b, `marker-b-${round}`);
        expect(await markersIn(a)).toEqual({ tables: [`marker-a-${round}`], mail: [`marker-a-${round}`], pools: [`marker-a-${round}`] });
        expect(await markersIn(b)).toEqual({ tables: [`marker-b-${round}`], mail: [`marker-b-${round}`], pools: [`marker-b-${round}`] });
      } finally {
        await Promise.all(started.map(stopEmulators));
      }
    }
  });
});

describe('a foreign process answering on the usual port', () => {
  /** Answers 200 to anything, like a health check, ListTables or a mail store would. */
  async function foreignServer(): Promise<{ server: Server; port: number; requests: () => number }> {
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end('{"TableNames":[],"emails":[],"ok":true}');
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { server, port, requests: () => requests };
  }

  it('is never taken for DynamoDB Local, SES or Cognito: each starts its own elsewhere', { timeout: 120_000 }, async () => {
    const foreign = await Promise.all([foreignServer(), foreignServer(), foreignServer()]);
    const [dynamoPort, sesPort, cognitoPort] = foreign.map((f) => f.port) as [number, number, number];
    try {
      const e = await startEmulators({ dynamo: dynamoPort, ses: sesPort, cognito: cognitoPort });
      try {
        expect(new URL(e.dynamo.endpoint).port).not.toBe(String(dynamoPort));
        expect(new URL(e.ses.endpoint).port).not.toBe(String(sesPort));
        expect(new URL(e.cognito.endpoint).port).not.toBe(String(cognitoPort));
        const before = foreign.map((f) => f.requests());
        await writeMarkers(e, 'marker-own');
        expect(await markersIn(e)).toEqual({ tables: ['marker-own'], mail: ['marker-own'], pools: ['marker-own'] });
        // Nothing of ours went to the foreign process.
        expect(foreign.map((f) => f.requests())).toEqual(before);
        // DynamoDB Local's readiness: a foreign answer, or another start's DynamoDB Local, is not ours.
        expect(await dynamoDbLocalAnswersAs(`http://127.0.0.1:${dynamoPort}`, 'ours')()).toBe(false);
        expect(await dynamoDbLocalAnswersAs(e.dynamo.endpoint, 'another-start')()).toBe(false);
      } finally {
        await stopEmulators(e);
      }
    } finally {
      for (const f of foreign) f.server.close();
    }
  });
});

describe('two local stacks on one data directory (two npm start from one clone)', () => {
  it('the second stops with a message naming the directory, before touching it; the first keeps serving', { timeout: 180_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-one-clone-'));
    dirs.push(dataDir);
    const first = await startLocalStack({ dataDir, fixedPorts: false, quiet: true });
    try {
      await expect(startLocalStack({ dataDir, fixedPorts: false, quiet: true, fresh: true })).rejects.toThrow(`Another local stack is using ${dataDir}`);
      expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      const { idToken } = await first.signIn(first.admin.email, first.admin.password);
      expect((await fetch(`${first.url}/api/forms/website`, { headers: { authorization: `Bearer ${idToken}` } })).status).toBe(200);
    } finally {
      await first.stop();
    }
  });
});
