import { spawnSync } from 'node:child_process';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { loadClientConfig } from '../infra/config/client-config';
import { app } from '../infra/definition/app';
import { indexesAfter, nextIndexStep } from '../infra/definition/table-indexes';
import { tableIndexesContext } from '../infra/stack/crm-stack';

/**
 * `npm run deploy -- --client <name> [--dry-run] [-- <cdk deploy options>]`: deploys a client's
 * stack, and when the release changes the table's global indexes, deploys as many times as it
 * takes, one index created or deleted each time (DynamoDB's and CloudFormation's limit), every new
 * index built before an old one goes (docs/deploy.md, "Index changes"). A first deploy creates the
 * table with all its indexes at once.
 */
const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const client = option('--client');
if (!client) {
  console.error('Usage: npm run deploy -- --client <name> [--dry-run] [-- <cdk deploy options>]');
  process.exit(2);
}
const dryRun = args.includes('--dry-run');
const passThrough = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];
const config = loadClientConfig(client);
const stackName = `Crm-${client}`;
const cloudFormation = new CloudFormationClient({ region: config.region });
const dynamo = new DynamoDBClient({ region: config.region });

/** The deployed table's indexes, once none is being built or deleted; undefined before the first deploy. */
async function deployedIndexes(): Promise<string[] | undefined> {
  const stacks = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName })).catch((error: unknown) => {
    if (error instanceof Error && /does not exist/.test(error.message)) return undefined;
    throw error;
  });
  const tableName = stacks?.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'TableName')?.OutputValue;
  if (!tableName) return undefined;
  for (;;) {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Table?.GlobalSecondaryIndexes ?? [];
    if (indexes.every((index) => index.IndexStatus === 'ACTIVE')) return indexes.map((index) => index.IndexName!);
    console.log(`[deploy] waiting for ${indexes.filter((i) => i.IndexStatus !== 'ACTIVE').map((i) => `${i.IndexName} (${i.IndexStatus})`).join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 30_000));
  }
}

function cdkDeploy(present: readonly string[] | undefined): void {
  const command = ['cdk', 'deploy', stackName, '-c', `client=${client}`, ...(present ? ['-c', `${tableIndexesContext}=${present.join(',')}`] : []), '--require-approval', 'never', ...passThrough];
  console.log(`[deploy] npx ${command.join(' ')}`);
  if (dryRun) return;
  const result = spawnSync('npx', command, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const target = app.table.globalIndexes;
let present = await deployedIndexes();
if (!present) {
  cdkDeploy(undefined);
} else {
  for (let deploys = 1; ; deploys++) {
    const step = nextIndexStep(present, target);
    console.log(`[deploy] ${step ? `step ${deploys}: ${'create' in step ? `build index ${step.create.name}` : `delete index ${step.delete}`}` : 'indexes are current'}`);
    cdkDeploy(present);
    if (!step) break;
    // A dry run walks the steps as the table would take them.
    present = dryRun ? indexesAfter(present, target, step).map((index) => index.name) : ((await deployedIndexes()) ?? present);
  }
}
console.log(dryRun ? '[deploy] dry run: nothing deployed' : `[deploy] ${stackName} is deployed`);
