import { CreateTableCommand, DynamoDBClient, TransactWriteItemsCommand, type TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { app } from '../infra/definition/app';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/free-port';
import { createTableInput } from '../infra/local/table';

/**
 * The ceiling the local web-to-lead rate sits under: how many transactions shaped like a capture
 * (a lead with its three index keys, its history entry, its email mark) DynamoDB Local commits per
 * second on this machine, with nothing else running. DynamoDB Local runs transactions one at a time.
 */
export async function measureDynamoDbLocalCeiling(transactions = 2_000, concurrency = 32): Promise<{ captureShapedTransactionsPerSecond: number }> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await client.send(new CreateTableCommand(createTableInput('crm-bench-ceiling', app.table)));
    const run = async (prefix: string) => {
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < transactions) await client.send(new TransactWriteItemsCommand({ TransactItems: captureShaped(`${prefix}${next++}`) }));
        }),
      );
      return transactions / ((performance.now() - started) / 1000);
    };
    await run('warm-up-');
    return { captureShapedTransactionsPerSecond: Math.round(await run('measured-')) };
  } finally {
    client.destroy();
    await dynamo.stop();
  }
}

function captureShaped(id: string): TransactWriteItem[] {
  const at = new Date().toISOString();
  const s = (value: string) => ({ S: value });
  const put = (item: Record<string, { S: string }>, condition?: string): TransactWriteItem => ({
    Put: { TableName: 'crm-bench-ceiling', Item: item, ...(condition ? { ConditionExpression: condition } : {}) },
  });
  return [
    put(
      {
        pk: s(`LEAD#${id}`), sk: s('LEAD'), entity: s('LEAD'),
        gsi1pk: s('LEADS'), gsi1sk: s(`${at}#${id}`), gsi2pk: s('LEADS#OWNER#o'), gsi2sk: s(`${at}#${id}`), gsi3pk: s('LEADS#STATUS#new'), gsi3sk: s(`${at}#${id}`),
        lastName: s('Нагрузкин'), email: s(`${id}@bench.example`), phone: s('+79000000000'),
      },
      'attribute_not_exists(pk)',
    ),
    put({ pk: s(`LEAD#${id}`), sk: s(`HIST#${at}#${id}`), entity: s('HISTORY'), kind: s('captured'), events: s('[…]') }),
    put({ pk: s(`FORM_EMAIL#${id}@bench.example`), sk: s('FORM_EMAIL'), entity: s('FORM_EMAIL'), leadId: s(id) }, 'attribute_not_exists(pk)'),
  ];
}
