import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api/contracts';
import type { Role } from '../../../shared/auth/roles';
import {
  assertClientMayComment,
  caseRatingSchema,
  commentOn,
  createCaseSchema,
  openPortalCase,
  portalCaseSchema,
  rateCase,
  updateCaseSchema,
  type Case,
  type CaseStatus,
} from '../../../shared/domain/cases/case';
import type { CommandContext } from '../../../shared/domain/common/change';
import { DomainError } from '../../../shared/domain/common/errors';
import { portalCaseOf, portalCaseSummaryOf } from '../../../shared/domain/portal/portal-case';

/** Service cases (SRV-1, SRV-2, SRV-5) and what their client sees of them in the portal (ACC-3). */
let seq = 0;
const ctxOf = (id: string, roles: Role[], at = '2026-11-22T09:00:00.000Z'): CommandContext => ({
  actor: { type: 'user', id, email: `${id}@example.com`, roles },
  now: new Date(at),
  newId: () => `id-${String(++seq).padStart(4, '0')}`,
});
const client = ctxOf('portal-x', ['portal-user']);
const agent = ctxOf('agent', ['service-agent'], '2026-11-23T10:00:00.000Z');

const account = { id: '01J'.padEnd(26, 'A'), name: 'ООО «Икс»', ownerId: 'owner-1' };
const opened = openPortalCase(account, portalCaseSchema.parse({ subject: '  Не приходит счёт ', description: 'Ждём с понедельника' }), client);
const inStatus = (status: CaseStatus, extra: Partial<Case> = {}): Case => ({ ...opened.record, status, ...extra });

describe('a case opened in the portal', () => {
  it('is the account’s, given to its owner, new, by the portal, naming who opened it', () => {
    expect(opened.record).toMatchObject({
      subject: 'Не приходит счёт',
      description: 'Ждём с понедельника',
      kind: 'question',
      priority: 'normal',
      status: 'new',
      channel: 'portal',
      accountId: account.id,
      accountName: 'ООО «Икс»',
      openedBy: 'portal-x',
      ownerId: 'owner-1',
      createdBy: 'portal-x',
      version: 1,
    });
    expect(opened.history).toMatchObject({ kind: 'created', actor: { type: 'user', id: 'portal-x' } });
    expect(opened.events).toMatchObject([{ type: 'RecordCreated', source: 'crm.records', detail: { record: { type: 'case', title: 'Не приходит счёт', ownerId: 'owner-1' } } }]);
  });

  it('takes only a subject, a description and a kind from the client', () => {
    for (const field of ['ownerId', 'accountId', 'status', 'channel', 'priority', 'contactId', 'openedBy', 'rating']) {
      const parsed = portalCaseSchema.safeParse({ subject: 'Тема', description: 'Текст', [field]: 'x' });
      expect(parsed.success, field).toBe(false);
      expect(parsed.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: [field] });
    }
    expect(portalCaseSchema.safeParse({ subject: 'Тема' }).error?.issues[0]?.path).toEqual(['description']);
    expect(portalCaseSchema.safeParse({ subject: 'x'.repeat(201), description: 'y' }).error?.issues[0]?.path).toEqual(['subject']);
    expect(portalCaseSchema.parse({ subject: 'Тема', description: 'Текст', kind: 'incident' }).kind).toBe('incident');
  });
});

describe('what staff send', () => {
  it('needs a subject and an account, and never sets who opened it in the portal, its rating or the portal channel', () => {
    expect(createCaseSchema.safeParse({ subject: 'Тема' }).error?.issues[0]?.path).toEqual(['accountId']);
    expect(createCaseSchema.safeParse({ subject: '  ', accountId: account.id }).error?.issues[0]?.path).toEqual(['subject']);
    expect(createCaseSchema.safeParse({ subject: 'Тема', accountId: account.id, channel: 'portal' }).error?.issues[0]?.path).toEqual(['channel']);
    for (const field of ['openedBy', 'rating']) expect(createCaseSchema.safeParse({ subject: 'Тема', accountId: account.id, [field]: 'x' }).success, field).toBe(false);
  });

  it('changes status, priority and kind, clears the contact, but not the channel or the account', () => {
    expect(updateCaseSchema.parse({ version: 1, status: 'in-progress', priority: 'urgent', kind: 'incident', contactId: null })).toEqual({
      version: 1,
      status: 'in-progress',
      priority: 'urgent',
      kind: 'incident',
      contactId: null,
    });
    expect(updateCaseSchema.safeParse({ version: 1, channel: 'email' }).success).toBe(false);
    expect(updateCaseSchema.safeParse({ version: 1, accountId: null }).success).toBe(false);
    expect(updateCaseSchema.safeParse({ version: 1, status: 'done' }).success).toBe(false);
  });
});

describe('comments', () => {
  it('are timeline entries with the text, author and side, announced by CaseCommentAdded', () => {
    const { entry, events } = commentOn(opened.record, { text: 'Проверим сегодня', authorName: 'Анна', from: 'staff' }, agent);
    expect(entry).toMatchObject({ kind: 'comment', actor: { id: 'agent' }, data: { text: 'Проверим сегодня', authorId: 'agent', authorName: 'Анна', from: 'staff' } });
    expect(events).toMatchObject([{ type: 'CaseCommentAdded', source: 'crm.cases', detail: { record: { type: 'case', id: opened.record.id }, entryId: entry.id, from: 'staff', actorId: 'agent' } }]);
  });

  it('from the client are taken until the case is closed, and a closed case is reopened by none', () => {
    for (const status of ['new', 'in-progress', 'waiting', 'resolved'] as const) expect(() => assertClientMayComment(inStatus(status))).not.toThrow();
    const refused = (() => {
      try {
        assertClientMayComment(inStatus('closed'));
      } catch (error) {
        return error as DomainError;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'conflict', details: { fields: [{ path: 'status', code: 'case_closed' }] } });
  });
});

describe('the client’s rating (SRV-5)', () => {
  const rating = caseRatingSchema.parse({ score: 5, comment: ' Быстро ' });

  it('is given once the case is resolved or closed, as a new version with the rating on the timeline', () => {
    for (const status of ['resolved', 'closed'] as const) {
      const change = rateCase(inStatus(status, { version: 4 }), rating, client);
      expect(change.record).toMatchObject({ version: 5, status, rating: { score: 5, comment: 'Быстро', at: client.now.toISOString() } });
      expect(change.history).toMatchObject({ kind: 'updated', changes: [{ field: 'rating', to: { score: 5, comment: 'Быстро' } }] });
      expect(change.events).toMatchObject([{ type: 'RecordUpdated', detail: { changedFields: ['rating'] } }]);
    }
    expect(rateCase(inStatus('resolved'), { score: 3 }, client).record.rating).toEqual({ score: 3, at: client.now.toISOString() });
  });

  it('is refused while the case is open, and a second time', () => {
    for (const status of ['new', 'in-progress', 'waiting'] as const) {
      expect(() => rateCase(inStatus(status), rating, client)).toThrow(expect.objectContaining({ code: 'conflict', details: { fields: [expect.objectContaining({ path: 'status', code: 'not_resolved' })] } }));
    }
    const rated = rateCase(inStatus('resolved'), rating, client).record;
    expect(() => rateCase(rated, rating, client)).toThrow(expect.objectContaining({ code: 'conflict', details: { fields: [expect.objectContaining({ path: 'rating', code: 'already_rated' })] } }));
  });

  it('is a whole score from 1 to 5 with an optional comment of up to 1000 characters', () => {
    for (const score of [0, 6, 4.5, '5']) expect(caseRatingSchema.safeParse({ score }).error?.issues[0]?.path, String(score)).toEqual(['score']);
    expect(caseRatingSchema.safeParse({ score: 4, comment: 'x'.repeat(1001) }).error?.issues[0]?.path).toEqual(['comment']);
    expect(caseRatingSchema.safeParse({ score: 4, at: 'now' }).success).toBe(false);
  });
});

describe('the portal view of a case', () => {
  const entry = (id: string, at: string, kind: TimelineEntry['kind'], data?: Record<string, unknown>, note?: string): TimelineEntry => ({
    id,
    at,
    kind,
    actor: { type: 'user', id: 'agent', name: 'agent@example.com' },
    ...(data ? { data } : {}),
    ...(note ? { note } : {}),
  });
  const timeline = [
    entry('e4', '2026-11-23T12:00:00.000Z', 'comment', { text: 'Спасибо!', authorId: 'portal-x', authorName: 'Борис', from: 'client' }),
    entry('e3', '2026-11-23T11:00:00.000Z', 'note', undefined, 'Внутреннее: клиент должен нам'),
    entry('e2', '2026-11-23T10:00:00.000Z', 'comment', { text: 'Счёт отправлен', authorId: 'agent', authorName: 'Анна', from: 'staff' }),
    { ...entry('e1', '2026-11-22T09:00:00.000Z', 'updated'), changes: [{ field: 'ownerId', from: 'owner-1', to: 'agent' }] },
  ];

  it('shows what was asked, its state, who is responsible by name, and the replies oldest first — nothing internal', () => {
    const view = portalCaseOf(inStatus('in-progress', { contactId: '01J'.padEnd(26, 'C'), custom: { secret: 1 } }), { name: 'Анна Менеджерова' }, timeline);
    expect(view).toEqual({
      id: opened.record.id,
      subject: 'Не приходит счёт',
      description: 'Ждём с понедельника',
      kind: 'question',
      priority: 'normal',
      status: 'in-progress',
      createdAt: opened.record.createdAt,
      updatedAt: opened.record.updatedAt,
      responsible: { name: 'Анна Менеджерова' },
      comments: [
        { id: 'e2', at: '2026-11-23T10:00:00.000Z', text: 'Счёт отправлен', authorName: 'Анна', from: 'staff' },
        { id: 'e4', at: '2026-11-23T12:00:00.000Z', text: 'Спасибо!', authorName: 'Борис', from: 'client' },
      ],
    });
    const shown = JSON.stringify(view);
    for (const hidden of ['Внутреннее', 'owner-1', 'agent@example.com', '"agent"', 'portal-x', 'ownerId', 'channel', 'secret', 'contactId', 'accountId']) expect(shown, hidden).not.toContain(hidden);
  });

  it('names staff without a name by a dash, never by their email, and carries the rating', () => {
    const rated = rateCase(inStatus('resolved'), { score: 4 }, client).record;
    expect(portalCaseSummaryOf(rated, { name: '  ' }).responsible).toEqual({ name: '—' });
    expect(portalCaseSummaryOf(rated, undefined)).toMatchObject({ responsible: { name: '—' }, rating: { score: 4 } });
    expect(portalCaseOf(rated, undefined, [entry('e9', '2026-11-24T00:00:00.000Z', 'comment', { text: 'Ок', from: 'staff' })]).comments).toEqual([
      { id: 'e9', at: '2026-11-24T00:00:00.000Z', text: 'Ок', authorName: '—', from: 'staff' },
    ]);
  });
});
