import { existsSync, readFileSync } from 'node:fs';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand, type TransactWriteItem, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { app } from '../infra/definition/app';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/free-port';
import { createTableInput } from '../infra/local/table';
import { primaryKey } from '../shared/data/table-schema';
import type { RecordedTransaction } from './dynamo-request-counter';
import { captureTransactionFile } from './web-to-lead-load';

/**
 * The ceiling the local web-to-lead rate sits under: how many capture transactions DynamoDB Local
 * commits per second on this machine, with nothing else running (it runs transactions one at a time).
 * The transaction is the one the capture really sent in the web-to-lead stage of the same run, recorded
 * on the wire (bench/web-to-lead-load.ts writes it to .bench/capture-transaction.json), so its shape
 * follows the code: every Put gets a primary key of its own per replay (warm-up included), the items its
 * other actions (condition checks, updates) found are seeded first, and its index keys stay as sent.
 *
 * `npx tsx bench/dynamodb-local-ceiling.ts` runs this stage alone, after the web-to-lead stage.
 */
const table = 'crm-bench-ceiling';

export async function measureDynamoDbLocalCeiling(
  recorded = readRecorded(),
  transactions = 2_000,
  concurrency = 32,
): Promise<{ transactionsPerSecond: number; itemsPerTransaction: number; refused: number }> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand(createTableInput(table, app.table)));
    const seed: WriteRequest[] = recorded.existing.map((Item) => ({ PutRequest: { Item: Item as never } }));
    for (let i = 0; i < seed.length; i += 25) await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: seed.slice(i, i + 25) } }));
    // A refused replay (a condition the recorded shape no longer meets) is counted, not fatal, and not in the rate.
    let refused = 0;
    const run = async (tag: string) => {
      let next = 0;
      let committed = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < transactions) {
            try {
              await client.send(new TransactWriteItemsCommand({ TransactItems: replay(recorded, `${tag}${next++}`) }));
              committed++;
            } catch (error) {
              if ((error as Error).name !== 'TransactionCanceledException') throw error;
              refused++;
            }
          }
        }),
      );
      return committed / ((performance.now() - started) / 1000);
    };
    await run('w');
    return { transactionsPerSecond: Math.round(await run('m')), itemsPerTransaction: recorded.request.TransactItems.length, refused };
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}

function readRecorded(): RecordedTransaction {
  if (!existsSync(captureTransactionFile)) throw new Error(`No recorded capture transaction in ${captureTransactionFile}: run the web-to-lead stage first (npx tsx bench/web-to-lead-load.ts).`);
  return JSON.parse(readFileSync(captureTransactionFile, 'utf8')) as RecordedTransaction;
}

/** The recorded transaction with each Put's primary key made distinct by `tag`, against this stage's table. */
export function replay(recorded: RecordedTransaction, tag: string): TransactWriteItem[] {
  const distinct = (value: unknown) => ({ S: `${(value as { S: string }).S}~${tag}` });
  return recorded.request.TransactItems.map((entry) => {
    const [kind, action] = Object.entries(entry)[0]!;
    const copy: Record<string, unknown> = { ...action, TableName: table };
    if (kind === 'Put') {
      const item = action.Item as Record<string, unknown>;
      copy.Item = { ...item, [primaryKey.partitionKey]: distinct(item[primaryKey.partitionKey]), [primaryKey.sortKey]: distinct(item[primaryKey.sortKey]) };
    }
    return { [kind]: copy } as TransactWriteItem;
  });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.table([await measureDynamoDbLocalCeiling()]);
  process.exit();
}
