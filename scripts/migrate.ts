import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadClientConfig } from '../infra/config/client-config';
import { startCognitoEmulator } from '../infra/local/cognito-emulator';
import { lockDataDir } from '../infra/local/data-dir-lock';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { defaultDataDir } from '../infra/local/local-paths';
import { migrateLocalData } from '../infra/local/migrate-data';
import { envNames } from '../shared/config/runtime-env';
import type { RunResult } from '../shared/migrations/runner';

/**
 * `npm run migrate -- [--dry-run] [--client <name>] [--data <folder>]`: the pending data migrations
 * (ADR 0024) on a local data folder (`.local/` by default; not while `npm start` holds it — which
 * migrates at start anyway), with only the emulators they need.
 *
 * `npm run migrate -- --aws --client <name> --table <TableName> --user-pool <UserPoolId> [--dry-run]`:
 * the same against a deployed stack, from this machine with the AWS credentials of the environment;
 * the table and the pool are the stack's outputs of those names. The stack also runs them itself
 * after every deploy (the run-migrations function); this is for a dry run first, or to watch.
 */
const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    client: { type: 'string', default: 'local' },
    data: { type: 'string' },
    aws: { type: 'boolean', default: false },
    table: { type: 'string' },
    'user-pool': { type: 'string' },
  },
});
const client = loadClientConfig(values.client);
const dryRun = values['dry-run'];
const log = (line: string) => console.log(line);

function print(result: RunResult): void {
  console.log(`\nSchema version ${result.version}${result.finished ? ' (every migration done)' : ''}`);
  for (const outcome of result.outcomes) {
    console.log(`  ${outcome.id}: ${outcome.status}, ${outcome.scanned} scanned, ${outcome.report ? `${outcome.report.wouldChange} would change` : `${outcome.changed} changed`}`);
    for (const sample of outcome.report?.sample ?? []) console.log(`    ${sample.pk} ${sample.sk}: ${JSON.stringify(sample.before)} -> ${JSON.stringify(sample.after)} (+${sample.puts} -${sample.deletes} derived)`);
  }
}

if (values.aws) {
  if (!values.table || !values['user-pool']) throw new Error('--aws needs --table <the stack output TableName> and --user-pool <the stack output UserPoolId>');
  Object.assign(process.env, { AWS_REGION: client.region, [envNames.tableName]: values.table, [envNames.userPoolId]: values['user-pool'] });
  print(await migrateLocalData({ dryRun, log }));
} else {
  const dataDir = resolve(values.data ?? defaultDataDir);
  if (!existsSync(join(dataDir, 'dynamodb'))) throw new Error(`No data in ${dataDir}: npm start makes it`);
  const unlock = await lockDataDir(dataDir);
  const [dynamo, cognito] = await Promise.all([startDynamoDbLocal({ dbPath: join(dataDir, 'dynamodb') }), startCognitoEmulator({ dataDir: join(dataDir, 'cognito') })]);
  try {
    const poolFile = join(dataDir, 'cognito.json');
    const pool = existsSync(poolFile) ? (JSON.parse(readFileSync(poolFile, 'utf8')) as { userPoolId: string }) : undefined;
    Object.assign(process.env, {
      AWS_REGION: client.region,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      [envNames.tableName]: `crm-${client.name}`,
      ...(pool ? { [envNames.userPoolId]: pool.userPoolId } : {}),
    });
    print(await migrateLocalData({ dryRun, log, ...(pool ? {} : { context: { poolAccountIdOf: () => Promise.resolve(undefined) } }) }));
  } finally {
    await Promise.all([dynamo.stop(), cognito.stop()]);
    await unlock();
  }
}
