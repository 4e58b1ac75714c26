import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as notify } from '../../functions/notifications/notify-lead-owner';
import { handler as digest } from '../../functions/notifications/send-new-leads-digest';
import { putUser } from '../../shared/data/users-repository';
import { createLeadSchema } from '../../shared/domain/leads/lead';
import { leads } from '../../shared/services/lead-records';
import { rep } from '../support/api-event';
import { busEvent, deliver, scheduledEvent } from '../support/bus-events';

/**
 * Idempotency against the real table; SES is mocked here only to count sends (the real SES
 * emulator receives the mail in the end-to-end test).
 */
const ses = mockClient(SESv2Client);
ses.on(SendEmailCommand).resolves({ MessageId: 'm-1' });

const actor = { type: 'user' as const, id: rep.sub, email: rep.email, roles: ['sales-rep' as const] };

beforeAll(() => putUser({ id: rep.sub, email: rep.email, name: 'Мария Продажина', roles: ['sales-rep'] }));

describe('owner notification', () => {
  it('emails the owner once per event, in the client language, however often the event arrives', async () => {
    ses.resetHistory();
    const lead = await leads.create(actor, createLeadSchema.parse({ lastName: 'Соколов', firstName: 'Илья', email: 'sokolov@example.ru', company: 'ИП Соколов' }));
    const event = busEvent('LeadCaptured', { formId: 'website', lead: { id: lead.id, ownerId: rep.sub, status: 'new', version: lead.version } }, { eventId: `evt-${lead.id}`, occurredAt: lead.createdAt });
    await deliver(notify, event);
    await deliver(notify, event);
    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends).toHaveLength(1);
    const input = sends[0]!.args[0].input;
    expect(input.Destination?.ToAddresses).toEqual([rep.email]);
    expect(input.Content?.Simple?.Subject?.Data).toBe('Новый лид с сайта: Соколов Илья');
    expect(input.Content?.Simple?.Body?.Text?.Data).toContain(`/leads/${lead.id}`);
  });

  it('takes what the email shows from the event, reading no lead (issue 14 §5)', async () => {
    ses.resetHistory();
    // No such lead is stored: the notifier must not need it.
    const detail = {
      formId: 'website',
      lead: { id: '01JNOTSTORED0000000000000A', ownerId: rep.sub, status: 'new' as const, version: 1, name: 'Событиев Олег', email: 'oleg@sobytie.example' },
      captured: { phone: '+79161234567', message: 'Перезвоните после обеда', pageUrl: 'https://shop.example/contacts' },
    };
    await deliver(notify, busEvent('LeadCaptured', detail));
    const input = ses.commandCalls(SendEmailCommand)[0]!.args[0].input;
    expect(input.Content?.Simple?.Subject?.Data).toBe('Новый лид с сайта: Событиев Олег');
    const text = input.Content?.Simple?.Body?.Text?.Data ?? '';
    for (const shown of ['oleg@sobytie.example', '+79161234567', 'Перезвоните после обеда', 'https://shop.example/contacts', '/leads/01JNOTSTORED0000000000000A']) expect(text).toContain(shown);
  });

  it('sends each owner one digest a day of leads waiting over a day', async () => {
    ses.resetHistory();
    const old = { now: () => new Date(Date.now() - 3 * 24 * 3600 * 1000) };
    await leads.create(actor, createLeadSchema.parse({ lastName: 'Ждущий', email: 'wait1@example.ru' }), { clock: old });
    await leads.create(actor, createLeadSchema.parse({ lastName: 'Терпеливый', email: 'wait2@example.ru' }), { clock: old });
    // Two attempts of the same morning's run (each attempt has a new execution id).
    const morning = new Date().toISOString();
    const first = await deliver(digest, scheduledEvent('new-leads-morning-digest', morning));
    await deliver(digest, scheduledEvent('new-leads-morning-digest', morning));
    expect(first.owners).toBe(1);
    expect(first.leads).toBe(2);
    const sends = ses.commandCalls(SendEmailCommand);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.args[0].input.Content?.Simple?.Body?.Text?.Data).toMatch(/Ждущий[\s\S]*Терпеливый|Терпеливый[\s\S]*Ждущий/);
  });
});
