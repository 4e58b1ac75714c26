import { describe, expect, it } from 'vitest';
import { createLeadSchema, updateLeadSchema } from '../../../shared/domain/leads/lead';
import type { CommandContext } from '../../../shared/domain/common/change';
import { createLead, rejectLead, updateLead } from '../../../shared/domain/leads/lead-commands';
import { DomainError } from '../../../shared/domain/common/errors';

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
