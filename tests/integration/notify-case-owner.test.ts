import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as accountsApi } from '../../functions/accounts/accounts-api';
import { handler as casesApi } from '../../functions/cases/cases-api';
import { handler as notify } from '../../functions/notifications/notify-case-owner';
import { handler as portalApi } from '../../functions/portal/portal-api';
import { app } from '../../infra/definition/app';
import { matchesPattern } from '../../infra/local/event-pattern';
import { putUser } from '../../shared/data/users-repository';
import type { DomainEvent } from '../../shared/events/contracts';
import { admin, apiEvent, invoke, lambdaContext, rep, type TestUser } from '../support/api-event';
import { allItems } from '../support/table-items';

/**
 * A case's owner hears what its client did in the portal (ACC-3): the events the portal's writes
 * put in the outbox are matched against the app's rules and delivered (twice, as EventBridge may)
 * to the function; SES is mocked only to count and read the sends.
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

const call = <T = any>(api: unknown, route: string, options: Omit<Parameters<typeof apiEvent>[0], 'route'> = {}) => invoke<T>(api, apiEvent({ route, ...options }));
let client: TestUser;
let accountId: string;

/** The outbox events written with a record's partition, as the publisher sends them to the bus. */
async function published(recordPk: string, type: string) {
  const events = (await allItems()).filter((item) => item.pk === recordPk && Array.isArray(item.events)).flatMap((item) => item.events as DomainEvent[]);
  return events
    .filter((e) => e.type === type)
    .map((e) => ({ version: '0', id: `eb-${e.id}`, account: '0', region: 'eu-central-1', time: e.occurredAt, resources: [], source: e.source, 'detail-type': e.type, detail: { ...e.detail, eventId: e.id, occurredAt: e.occurredAt } }));
}

const rulesFor = (event: { source: string; 'detail-type': string; detail: unknown }) => app.rules.filter((rule) => matchesPattern(rule.eventPattern, event)).map((rule) => rule.id);

async function deliverTwice(event: object): Promise<void> {
  expect(rulesFor(event as never)).toContain(event['detail-type' as keyof typeof event] === 'RecordCreated' ? 'case-opened-in-portal-notify-owner' : 'case-client-replied-notify-owner');
  await notify(event as never, lambdaContext);
  await notify(event as never, lambdaContext);
}

beforeAll(async () => {
  await putUser({ id: admin.sub, email: admin.email, roles: ['admin'] });
  await putUser({ id: rep.sub, email: rep.email, name: 'Мария Продажина', roles: ['sales-rep'] });
  accountId = (await call(accountsApi, 'POST /api/accounts', { body: { name: 'ООО «Клиент»', ownerId: rep.sub } })).body.id;
  client = { sub: 'portal-notify', email: 'buyer@client.example', groups: ['portal-user'], accountId };
  await putUser({ id: client.sub, email: client.email, name: 'Пётр Покупкин', roles: ['portal-user'], accountId });
});

describe('the owner of a case hears from its client', () => {
  it('once when the client opens a case in the portal, with its text and a link', async () => {
    ses.resetHistory();
    const opened = await call(portalApi, 'POST /api/portal/cases', { user: client, body: { subject: 'Не приходят счета', description: 'С понедельника нет писем со счетами.' } });
    expect(opened.status).toBe(201);
    const [event] = await published(`CASE#${opened.body.id}`, 'RecordCreated');
    await deliverTwice(event!);
    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends).toHaveLength(1);
    const input = sends[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual([rep.email]);
    expect(input.Content?.Simple?.Subject?.Data).toBe('Новое обращение из портала: Не приходят счета');
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain('С понедельника нет писем со счетами.');
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain(`/cases/${opened.body.id}`);
  });

  it('once per reply the client writes, never for staff replies or cases staff open', async () => {
    ses.resetHistory();
    const byStaff = await call(casesApi, 'POST /api/cases', { user: admin, body: { subject: 'Звонок клиента', accountId, ownerId: rep.sub } });
    expect(byStaff.status).toBe(201);
    for (const event of await published(`CASE#${byStaff.body.id}`, 'RecordCreated')) await notify(event as never, lambdaContext);
    const staffReply = await call(casesApi, 'POST /api/cases/{id}/comments', { user: admin, pathParameters: { id: byStaff.body.id }, body: { text: 'Перезвоним завтра' } });
    expect(staffReply.status).toBe(201);
    const [staffEvent] = await published(`CASE#${byStaff.body.id}`, 'CaseCommentAdded');
    expect(rulesFor(staffEvent!)).not.toContain('case-client-replied-notify-owner');
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);

    const opened = await call(portalApi, 'POST /api/portal/cases', { user: client, body: { subject: 'Вопрос по договору', description: 'Где найти договор?' } });
    const reply = await call(portalApi, 'POST /api/portal/cases/{id}/comments', { user: client, pathParameters: { id: opened.body.id }, body: { text: 'Нашёл, спасибо!' } });
    expect(reply.status).toBe(201);
    const [event] = await published(`CASE#${opened.body.id}`, 'CaseCommentAdded');
    await deliverTwice(event!);
    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.args[0].input.Content?.Simple?.Subject?.Data).toBe('Клиент ответил по обращению: Вопрос по договору');
    expect(sends[0]!.args[0].input.Content?.Simple?.Body?.Text?.Data).toContain('Нашёл, спасибо!');
  });
});
