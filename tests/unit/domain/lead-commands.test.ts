import { recordShard } from '../../../shared/data/keys';
import { describe, expect, it } from 'vitest';
import { createLeadSchema, updateLeadSchema } from '../../../shared/domain/leads/lead';
import type { CommandContext } from '../../../shared/domain/common/change';
import { createLead, rejectLead, updateLead } from '../../../shared/domain/leads/lead-commands';
import { DomainError } from '../../../shared/domain/common/errors';
import { formSettingsSchema, type Form } from '../../../shared/domain/forms/form';
import { leadKind } from '../../../shared/domain/leads/lead';
import { captureLead, resubmitLead } from '../../../shared/domain/leads/lead-capture';
import { assertConvertible, convertLead } from '../../../shared/domain/leads/lead-conversion';
import { listRecords, recordItem } from '../../../shared/data/records-repository';
import { listRecordsQuerySchema } from '../../../shared/domain/records/record-list';

let seq = 0;
const ctx: CommandContext = {
  actor: { type: 'user', id: 'u1', email: 'u1@example.com', roles: ['sales-rep'] },
  now: new Date('2026-11-22T09:00:00Z'),
  newId: () => `id-${++seq}`,
};

const lead = createLead(createLeadSchema.parse({ lastName: 'Петров', email: 'p@x.ru' }), ctx, 'u1').record;

describe('lead commands', () => {
  it('creates a new lead owned by the caller with a created entry and a LeadCreated event', () => {
    const change = createLead(createLeadSchema.parse({ company: 'ООО «Альфа»', phone: '+7 912 345 67 89', consent: { given: true } }), ctx, 'u1');
    expect(change.record).toMatchObject({ status: 'new', ownerId: 'u1', version: 1, source: { channel: 'other' }, consent: { given: true, at: ctx.now.toISOString() } });
    expect(change.history.kind).toBe('created');
    expect(change.events.map((e) => e.type)).toEqual(['LeadCreated']);
  });

  it('stores a phone in E.164 with the writing kept for display, re-typed alike changes nothing (REC-11)', () => {
    const typed = createLead(createLeadSchema.parse({ lastName: 'Телефонов', phone: '8 (912) 345-67-89' }), ctx, 'u1').record;
    expect([typed.phone, typed.phoneTyped]).toEqual(['+79123456789', '8 (912) 345-67-89']);
    const plain = createLead(createLeadSchema.parse({ lastName: 'Телефонов', phone: '+79123456789' }), ctx, 'u1').record;
    expect(plain).toMatchObject({ phone: '+79123456789' });
    expect('phoneTyped' in plain).toBe(false);
    expect(() => updateLead(typed, updateLeadSchema.parse({ version: 1, phone: '+7 912 345 67 89' }), ctx)).toThrow(DomainError);
    const moved = updateLead(typed, updateLeadSchema.parse({ version: 1, phone: '+7 701 111 22 33' }), ctx);
    expect([moved.record.phone, moved.record.phoneTyped]).toEqual(['+77011112233', '+7 701 111 22 33']);
    expect(moved.history.changes).toEqual([{ field: 'phone', from: '+79123456789', to: '+77011112233' }]);
    const plainAgain = updateLead(typed, updateLeadSchema.parse({ version: 1, phone: '+77011112233' }), ctx).record;
    expect('phoneTyped' in plainAgain).toBe(false);
  });

  it('records each changed field old → new and nothing for unchanged ones', () => {
    const change = updateLead(lead, updateLeadSchema.parse({ version: 1, lastName: 'Петров', topic: 'ERP' }), ctx);
    expect(change.history.changes).toEqual([{ field: 'topic', to: 'ERP' }]);
    expect(change.record.version).toBe(2);
    expect(change.events[0]).toMatchObject({ type: 'LeadUpdated', detail: { changedFields: ['topic'] } });
  });

  it('refuses an update that changes nothing', () => {
    expect(() => updateLead(lead, updateLeadSchema.parse({ version: 1, lastName: 'Петров' }), ctx)).toThrow(DomainError);
  });

  it('rejects at the current stage and refuses to touch a closed lead', () => {
    const rejected = rejectLead(lead, { version: 1, reason: 'no-budget' }, ctx).record;
    expect(rejected).toMatchObject({ status: 'rejected', rejection: { stage: 'new', reason: 'no-budget', by: 'u1' } });
    expect(() => rejectLead(rejected, { version: 2, reason: 'spam' }, ctx)).toThrow(/rejected lead cannot be changed/);
    expect(() => updateLead(rejected, updateLeadSchema.parse({ version: 2, topic: 'x' }), ctx)).toThrow(DomainError);
  });

  it('requires a name or company and an email or phone', () => {
    const result = createLeadSchema.safeParse({ topic: 'x' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['email', 'lastName']);
  });
});

const form: Form = {
  ...formSettingsSchema.parse({ name: 'Сайт', thankYouUrl: 'https://site.example/thanks', ownerIds: ['u7'] }),
  id: 'site',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};

describe('leads on the records kit (ADR 0020)', () => {
  it('are stored under the keys leads always had, their lists spread over shards (issue 14), and without a name index', () => {
    const item = recordItem(leadKind, lead);
    const shard = recordShard(lead.id, 4);
    const layout = Object.fromEntries(Object.entries(item).filter(([key]) => key === 'pk' || key === 'sk' || key === 'entity' || key.startsWith('gsi')));
    expect(layout).toEqual({
      pk: `LEAD#${lead.id}`,
      sk: 'LEAD',
      entity: 'LEAD',
      gsi1pk: `LEADS#${shard}`,
      gsi1sk: `${lead.createdAt}#${lead.id}`,
      gsi2pk: `LEADS#OWNER#u1#${shard}`,
      gsi2sk: `${lead.createdAt}#${lead.id}`,
      gsi3pk: `LEADS#STATUS#new#${shard}`,
      gsi3sk: `${lead.createdAt}#${lead.id}`,
    });
  });

  it('are not listed by name: the kit refuses it before reading', async () => {
    await expect(listRecords(leadKind, listRecordsQuerySchema.parse({ sort: 'name' }))).rejects.toMatchObject({ code: 'validation_failed', details: { fields: [{ path: 'sort' }] } });
  });

  it('captures a web form post as a new lead of the form’s owner, announced as created and captured', () => {
    const change = captureLead(createLeadSchema.parse({ lastName: 'Формов', email: 'f@x.ru', message: 'Позвоните', source: { channel: 'website', campaign: 'Весна' } }), form, { utm_term: 'crm' }, ctx);
    expect(change.record).toMatchObject({ ownerId: 'u7', submissionCount: 1, status: 'new', version: 1 });
    expect(change.history).toMatchObject({ kind: 'captured', note: 'Позвоните', data: { formId: 'site', posted: [{ name: 'utm_term', value: 'crm' }] } });
    expect(change.events.map((e) => [e.type, e.source])).toEqual([['LeadCreated', 'crm.leads'], ['LeadCaptured', 'crm.leads']]);
    expect(change.events[1]!.detail).toMatchObject({ lead: { id: change.record.id, version: 1 }, formId: 'site', campaign: 'Весна' });
    // What the owner's email shows rides on the event, so its notifier reads no record (issue 14 §5).
    expect(change.events[1]!.detail).toMatchObject({ captured: { message: 'Позвоните' } });
  });

  it('carries at most 500 characters of the message on LeadCaptured; the lead keeps it whole', () => {
    const long = 'Очень подробно. '.repeat(100);
    const change = captureLead(createLeadSchema.parse({ lastName: 'Длинов', phone: '+7 912 000 00 01', message: long, source: { channel: 'website', utm: { source: 'yandex' } } }), form, {}, ctx);
    expect(change.record.message).toBe(long.trim());
    const captured = (change.events[1]!.detail as { captured: { message: string } }).captured;
    expect(captured).toMatchObject({ phone: '+79120000001', utmSource: 'yandex' });
    expect(captured.message).toHaveLength(500);
    expect(captured.message.endsWith('…')).toBe(true);
  });

  it('announces a capture with nothing beyond the name and email without an empty `captured` map (the local stream reader cannot read one back)', () => {
    const change = captureLead(createLeadSchema.parse({ lastName: 'Пустов', email: 'empty@x.ru', source: { channel: 'website' } }), form, {}, ctx);
    expect(change.events[1]!.type).toBe('LeadCaptured');
    expect(change.events[1]!.detail).not.toHaveProperty('captured');
  });

  it('counts a repeat and fills only what an open lead lacked; a closed one is counted, not filled', () => {
    const repeat = createLeadSchema.parse({ lastName: 'Другой', company: 'ООО «Повтор»', email: 'p@x.ru', phone: '8 912 000 00 00' });
    const again = resubmitLead(lead, repeat, {}, form, ctx);
    expect(again.record).toMatchObject({ lastName: 'Петров', company: 'ООО «Повтор»', phone: '+79120000000', phoneTyped: '8 912 000 00 00', submissionCount: 1, version: 2 });
    expect(again.history.changes).toEqual([{ field: 'company', to: 'ООО «Повтор»' }, { field: 'phone', to: '+79120000000' }]);
    expect(again.events[0]).toMatchObject({ type: 'LeadResubmitted', detail: { lead: { version: 2 }, formId: 'site', submissionCount: 1 } });
    const rejected = rejectLead(lead, { version: 1, reason: 'spam' }, ctx).record;
    const counted = resubmitLead(rejected, repeat, {}, form, ctx);
    expect(counted.record).toMatchObject({ submissionCount: 1, status: 'rejected' });
    expect('company' in counted.record).toBe(false);
    expect(counted.history.changes).toEqual([]);
  });

  it('converts an open lead once, with its links, announced with the new version', () => {
    const change = convertLead(lead, { dealId: 'd1', accountId: 'a1' }, ctx);
    expect(change.record).toMatchObject({ status: 'converted', conversion: { dealId: 'd1', accountId: 'a1', by: 'u1' }, version: 2 });
    expect(change.history).toMatchObject({ kind: 'converted', changes: [{ field: 'status', from: 'new', to: 'converted' }], data: { dealId: 'd1', accountId: 'a1' } });
    expect(change.events[0]).toMatchObject({ type: 'LeadConverted', detail: { lead: { status: 'converted', version: 2 }, dealId: 'd1', accountId: 'a1' } });
    expect(() => assertConvertible(change.record)).toThrow(expect.objectContaining({ details: { fields: [expect.objectContaining({ code: 'already_converted' })] } }));
    expect(() => assertConvertible(lead)).not.toThrow();
  });
});
