import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { app } from '../infra/definition/app';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { freePort } from '../infra/local/free-port';
import { ensureTable } from '../infra/local/table';
import { admin, apiEvent, invoke } from '../tests/support/api-event';
import { localTestEnv } from '../tests/support/local-env';
import { startRequestCounter } from './dynamo-request-counter';

/** DynamoDB requests each lead route makes, counted on the wire against DynamoDB Local. */
export async function measureRequestsPerOperation(): Promise<Record<string, Record<string, number>>> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const counter = await startRequestCounter(dynamo.endpoint, await freePort());
  Object.assign(process.env, localTestEnv({ dynamoEndpoint: counter.endpoint, tableName: 'crm-bench-requests' }));
  try {
    const client = new DynamoDBClient({});
    await ensureTable(client, 'crm-bench-requests', app.table);
    client.destroy();
    const { putUser } = await import('../shared/data/users-repository');
    await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
    const handlers = {
      create: (await import('../functions/leads/create-lead')).createLeadRoute,
      get: (await import('../functions/leads/get-lead')).getLeadRoute,
      list: (await import('../functions/leads/list-leads')).listLeadsRoute,
      update: (await import('../functions/leads/update-lead')).updateLeadRoute,
      reject: (await import('../functions/leads/reject-lead')).rejectLeadRoute,
      timeline: (await import('../functions/leads/get-lead-timeline')).getLeadTimelineRoute,
    };
    for (let i = 0; i < 30; i++) await invoke(handlers.create, apiEvent({ method: 'POST', body: { lastName: `Фон ${i}`, email: `bg${i}@example.ru` } }));

    const figures: Record<string, Record<string, number>> = {};
    const measure = async <T>(name: string, call: () => Promise<T>): Promise<T> => {
      counter.reset();
      const result = await call();
      figures[name] = counter.counts();
      return result;
    };
    const created = await measure('POST /api/leads', () => invoke(handlers.create, apiEvent({ method: 'POST', body: { lastName: 'Замеров', email: 'z@example.ru' } })));
    const id = created.body.id as string;
    await measure('GET /api/leads/{leadId}', () => invoke(handlers.get, apiEvent({ pathParameters: { leadId: id } })));
    await measure('GET /api/leads (page of 25)', () => invoke(handlers.list, apiEvent({ query: { limit: '25' } })));
    await measure('GET /api/leads?status=new&ownerId= (page)', () => invoke(handlers.list, apiEvent({ query: { status: 'new', ownerId: admin.sub } })));
    await measure('PATCH /api/leads/{leadId}', () => invoke(handlers.update, apiEvent({ method: 'PATCH', pathParameters: { leadId: id }, body: { version: 1, topic: 'Замер' } })));
    await measure('POST /api/leads/{leadId}/reject', () => invoke(handlers.reject, apiEvent({ method: 'POST', pathParameters: { leadId: id }, body: { version: 2, reason: 'no-need' } })));
    await measure('GET /api/leads/{leadId}/timeline', () => invoke(handlers.timeline, apiEvent({ pathParameters: { leadId: id } })));
    return figures;
  } finally {
    await counter.close();
    await dynamo.stop();
  }
}

// Run as its own process (see bench/run.ts): handler modules keep their SDK clients for the life of
// the process, pointed at this stage's counting proxy.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  process.stdout.write(`\n@@RESULT${JSON.stringify(await measureRequestsPerOperation())}\n`);
  process.exit();
}
