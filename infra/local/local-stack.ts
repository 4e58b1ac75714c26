import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadClientConfig, type ClientConfig } from '../config/client-config';
import { app } from '../definition/app';
import type { RuntimeDescription } from '../definition/runtime-description';
import type { AppDefinition } from '../definition/types';
import { fileStore } from '../../shared/adapters/file-store';
import { envNames } from '../../shared/config/runtime-env';
import { provisionCognito, signIn, startCognitoEmulator, type CognitoPool, type Tokens } from './cognito-emulator';
import { runtimeDescriptionOf } from './describe-local-runtime';
import { dataDirLockFile, lockDataDir } from './data-dir-lock';
import { startDynamoDbLocal } from './dynamodb-local';
import { migrateLocalData } from './migrate-data';
import { LocalEventBus } from './event-bus';
import { LocalHttpServer } from './http-server';
import { createJwtAuthorizer } from './jwt-authorizer';
import { createLambdaRuntime } from './lambda-runtime';
import { defaultDataDir, webDistDir } from './local-paths';
import { LocalScheduler } from './scheduler';
import { LocalSchedulerApi } from './scheduler-api';
import { startSesEmulator } from './ses-emulator';
import { StreamCheckpoints } from './stream-checkpoints';
import { StreamPoller } from './stream-poller';
import type { IndexStep } from '../definition/table-indexes';
import { createTableInput, ensureTable, timeToLiveInput } from './table';
import { momentTargetEnv } from '../../shared/adapters/one-time-schedules';

/**
 * The whole CRM on a laptop, from the one app definition: DynamoDB Local, the SES and Cognito
 * emulators, the event bus, stream poller and scheduler, and the HTTP server invoking the very
 * handler modules the stack deploys. Handlers find the stand-ins through the same environment
 * the stack gives them, plus the SDK's AWS_ENDPOINT_URL_<SERVICE> variables.
 *
 * Handler modules keep SDK clients in module scope, so run one stack per process at a time.
 */
export interface LocalStackOptions {
  /** App port; default PORT, else 3000 (or any free port when fixedPorts is false). */
  port?: number;
  /** Where data survives restarts; default `.local/` in the repository. */
  dataDir?: string;
  /** Wipe the data dir first. */
  fresh?: boolean;
  /** Keep nothing: DynamoDB in memory, emulator state in a temporary folder removed on stop. */
  inMemory?: boolean;
  /** Client configuration in infra/clients/; default `local`. */
  client?: string;
  /** No request log and no handler INFO logs. */
  quiet?: boolean;
  definition?: AppDefinition;
  /** Emulators on their usual ports (DynamoDB 8000, SES 8005, Cognito 9229) when free; default true. Tests pass false. */
  fixedPorts?: boolean;
}

export interface LocalStack {
  url: string;
  mailViewerUrl: string;
  mailStoreUrl: string;
  admin: { email: string; password: string };
  cognito: { endpoint: string; userPoolId: string; clientId: string };
  tableName: string;
  dynamoEndpoint: string;
  dataDir: string;
  client: ClientConfig;
  bus: LocalEventBus;
  scheduler: LocalScheduler;
  streamPoller: StreamPoller;
  describe(): RuntimeDescription;
  signIn(email: string, password: string): Promise<Tokens>;
  /** Resolves once the stream and the bus have nothing left to deliver. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

const accountId = '000000000000';

export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const definition = options.definition ?? app;
  const client = loadClientConfig(options.client ?? 'local');
  const fixedPorts = options.fixedPorts ?? true;
  const region = client.region;
  const name = `crm-${client.name}`;
  // The usual port when free; each start function then makes sure its child is what answers there (ADR 0016).
  const usualPort = (port: number) => (fixedPorts ? port : undefined);

  const dataDir = options.inMemory ? mkdtempSync(join(tmpdir(), 'crm-local-')) : (options.dataDir ?? defaultDataDir);
  // One stack per data directory, checked before anything in it is touched (ADR 0016).
  const unlock = options.inMemory ? undefined : await lockDataDir(dataDir);
  if (options.fresh && !options.inMemory) {
    for (const entry of readdirSync(dataDir)) if (entry !== dataDirLockFile) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });

  // Everything started so far, stopped in reverse order by stop() or by a failed start.
  const stops: (() => Promise<void> | void)[] = [];
  if (options.inMemory) stops.push(() => rmSync(dataDir, { recursive: true, force: true }));
  if (unlock) stops.push(unlock);
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await Promise.resolve()
        .then(stop)
        .catch((error: unknown) => console.error('[local] stopping a part failed', error));
    }
  };

  try {
    const dynamoDir = join(dataDir, 'dynamodb');
    if (!options.inMemory) mkdirSync(dynamoDir, { recursive: true });
    const startingSes = startSesEmulator({ port: usualPort(8005) });
    const starting = [
      startDynamoDbLocal({ port: usualPort(8000), ...(options.inMemory ? {} : { dbPath: dynamoDir }) }),
      startingSes,
      // Cognito mails through this stack's SES, so it learns SES's address once SES is up.
      startingSes.then((ses) =>
        startCognitoEmulator({
          port: usualPort(9229),
          dataDir: join(dataDir, 'cognito'),
          mail: { sesEndpoint: ses.endpoint, senderEmail: client.senderEmail, locale: client.locale, displayName: client.displayName },
        }),
      ),
    ] as const;
    // Each emulator that came up is stopped again if another one failed.
    const settled = await Promise.allSettled(starting);
    for (const result of settled) if (result.status === 'fulfilled') stops.push(result.value.stop);
    const failure = settled.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
    const [dynamo, ses, cognito] = await Promise.all(starting);

    // A fresh one per start: only this process's server can reach its functions.
    const edgeSecret = randomBytes(24).toString('base64url');
    // The file store is a directory; its signed URLs are served by the local server (ADR 0010).
    const filesDir = join(dataDir, 'files');
    const filesUrlSecret = randomBytes(24).toString('base64url');
    Object.assign(process.env, {
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      [envNames.tableName]: name,
      // The table is brought to this release's indexes before anything runs.
      [envNames.tableIndexes]: '{}',
      [envNames.eventBusName]: name,
      [envNames.senderEmail]: client.senderEmail,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      [envNames.locale]: client.locale,
      [envNames.displayName]: client.displayName,
      [envNames.timeZone]: client.timeZone,
      [envNames.currency]: client.currency,
      [envNames.auditRetentionDays]: String(client.auditRetentionDays),
      [envNames.edgeSecret]: edgeSecret,
      [envNames.filesDir]: filesDir,
      [envNames.filesUrlSecret]: filesUrlSecret,
    });
    // Lambda's own switch for the minimum log level; Powertools honours it over its constructor.
    if (options.quiet) process.env.AWS_LAMBDA_LOG_LEVEL ??= 'WARN';

    const dynamoClient = new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    // A data folder of an earlier release gets this release's indexes first (infra/definition/table-indexes.ts).
    const indexStep = (step: IndexStep) => {
      if (!options.quiet) console.log(`[local] table: ${'create' in step ? `building index ${step.create.name}` : `deleting the earlier release's index ${step.delete}`}`);
    };
    const tableCreated = await ensureTable(dynamoClient, name, definition.table, indexStep).finally(() => dynamoClient.destroy());
    const pool = await provisionCognito({ endpoint: cognito.endpoint, region, stateFile: join(dataDir, 'cognito.json'), adminEmail: client.adminEmail });
    process.env[envNames.userPoolId] = pool.userPoolId;
    // Data an older release wrote moves to this release's formats before anything serves it (ADR 0024).
    await migrateLocalData(options.quiet ? {} : { log: (line) => console.log(line) });

    const runtime = createLambdaRuntime(definition, { region, accountId });
    const bus = new LocalEventBus({ definition, busName: name, region, accountId, runtime });
    process.env.AWS_ENDPOINT_URL_EVENTBRIDGE = await bus.listen();
    stops.push(() => bus.close());

    // Scheduler: the definition's schedules, and the one-time ones functions create through its API (ADR 0012).
    const scheduler = new LocalScheduler({
      definition,
      clientTimeZone: client.timeZone,
      groupName: name,
      region,
      accountId,
      runtime,
      ...(options.inMemory ? {} : { oneTimeFile: join(dataDir, 'one-time-schedules.json') }),
    });
    const schedulerApi = new LocalSchedulerApi(scheduler);
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SCHEDULER: await schedulerApi.listen(),
      [envNames.momentGroup]: name,
      [envNames.momentRoleArn]: `arn:aws:iam::${accountId}:role/${name}-one-time-schedules`,
      ...Object.fromEntries(definition.oneTimeTargets.map((t) => [envNames[momentTargetEnv[t.moment]], scheduler.functionArn(t.function)])),
    });
    stops.push(() => schedulerApi.close());

    const server = new LocalHttpServer({
      definition,
      runtime,
      files: { store: fileStore(), secret: filesUrlSecret },
      authorizer: await createJwtAuthorizer({ issuer: `${cognito.endpoint}/${pool.userPoolId}`, clientId: pool.clientId }),
      webConfig: {
        region,
        userPoolId: pool.userPoolId,
        userPoolClientId: pool.clientId,
        cognitoEndpoint: cognito.endpoint,
        locale: client.locale,
        currency: client.currency,
        timeZone: client.timeZone,
        displayName: client.displayName,
      },
      webDistDir,
      accountId,
      edgeSecret,
      ...(options.quiet ? {} : { log: (line: string) => console.log(`[api] ${line}`) }),
    });
    const url = await server.listen(options.port ?? (process.env.PORT ? Number(process.env.PORT) : fixedPorts ? 3000 : 0));
    stops.push(() => server.close());
    // The app's own origin may always post forms (the thank-you page and demo forms live there).
    Object.assign(process.env, {
      [envNames.appUrl]: url,
      [envNames.allowedFormOrigins]: [...new Set([...client.allowedFormOrigins, url])].join(','),
    });

    const streamPoller = new StreamPoller({
      definition,
      tableName: name,
      dynamoEndpoint: dynamo.endpoint,
      region,
      runtime,
      checkpoints: new StreamCheckpoints(options.inMemory ? undefined : join(dataDir, 'stream-checkpoints.json')),
    });
    await streamPoller.start();
    stops.push(() => streamPoller.stop());

    scheduler.start();
    stops.push(() => scheduler.stop());

    const cognitoTarget = { endpoint: cognito.endpoint, region, clientId: pool.clientId };
    if (tableCreated) await seed(url, pool, (email, password) => signIn(cognitoTarget, email, password));
    server.markReady();

    return {
      url,
      mailViewerUrl: ses.viewerUrl,
      mailStoreUrl: ses.storeUrl,
      admin: pool.admin,
      cognito: { endpoint: cognito.endpoint, userPoolId: pool.userPoolId, clientId: pool.clientId },
      tableName: name,
      dynamoEndpoint: dynamo.endpoint,
      dataDir,
      client,
      bus,
      scheduler,
      streamPoller,
      describe: () =>
        runtimeDescriptionOf({
          routes: server.routes,
          rules: bus.rules,
          schedules: scheduler.schedules,
          oneTimeTargets: scheduler.oneTimeTargetFunctions,
          consumers: streamPoller.consumers,
          createTable: createTableInput(name, definition.table),
          timeToLive: timeToLiveInput(name, definition.table),
        }),
      signIn: (email, password) => signIn(cognitoTarget, email, password),
      idle: async () => {
        // Handlers reached through the bus may write more outbox items: repeat until nothing moved.
        let delivered;
        do {
          delivered = streamPoller.delivered;
          await streamPoller.idle();
          await bus.idle();
        } while (delivered !== streamPoller.delivered);
      },
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * First start: the admin's profile and a demo web form, created through the API itself as a
 * person would (so the data is exactly what the handlers write). A failure is a warning only.
 */
async function seed(url: string, pool: CognitoPool, signInAs: (email: string, password: string) => Promise<Tokens>): Promise<void> {
  try {
    const { idToken } = await signInAs(pool.admin.email, pool.admin.password);
    const post = async (path: string, body?: unknown) => {
      const response = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${idToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      if (!response.ok) console.warn(`[local] seeding: POST ${path} answered ${response.status} ${text.slice(0, 300)}`);
    };
    await post('/api/session');
    await post('/api/forms', {
      id: 'website',
      name: 'Website contact form',
      thankYouUrl: `${url}/thank-you.html`,
      consent: { field: 'consent', text: 'Я согласен на обработку персональных данных' },
    });
  } catch (error) {
    console.warn('[local] seeding failed; the app runs without the demo data', error);
  }
}
