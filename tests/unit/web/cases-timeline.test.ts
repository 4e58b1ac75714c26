import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api/contracts';
import { caseMessageOf, caseValueText, checkReply, maxReply, ratingText } from '../../../web/src/features/cases/case-values';
import { casesMessages } from '../../../web/src/features/cases/cases-messages';

/** What staff write on a case and read back in its timeline: internal notes, replies to the client, the client's messages and rating. */
const cm = casesMessages.ru;
const entry = (kind: TimelineEntry['kind'], extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: 'e1',
  at: '2026-11-03T09:00:00.000Z',
  actor: { type: 'user', id: 'u1', name: 'Анна Сервисова' },
  kind,
  ...extra,
});

describe('a reply to the client', () => {
  it('is sent trimmed, and refused empty or over the API’s limit', () => {
    expect(checkReply('  Счёт отправлен.  ')).toEqual({ text: 'Счёт отправлен.' });
    expect(checkReply(' \n ')).toEqual({ problem: 'empty' });
    expect(checkReply('я'.repeat(maxReply + 1))).toEqual({ problem: 'tooLong' });
    expect(checkReply('я'.repeat(maxReply))).toEqual({ text: 'я'.repeat(maxReply) });
  });
});

describe('the case timeline’s written entries', () => {
  it('tells an internal note from a reply to the client and from the client’s own message', () => {
    expect(caseMessageOf(entry('note', { note: 'Клиент сердит, ответить сегодня' }))).toEqual({ kind: 'note', text: 'Клиент сердит, ответить сегодня' });
    expect(caseMessageOf(entry('comment', { data: { text: 'Счёт отправлен.', authorId: 'u1', authorName: 'Анна', from: 'staff' } }))).toEqual({
      kind: 'reply',
      text: 'Счёт отправлен.',
      author: 'Анна',
    });
    expect(caseMessageOf(entry('comment', { actor: { type: 'user', id: 'p1' }, data: { text: 'Спасибо!', authorId: 'p1', authorName: 'Пётр Клиентов', from: 'client' } }))).toEqual({
      kind: 'client',
      text: 'Спасибо!',
      author: 'Пётр Клиентов',
    });
  });

  it('leaves out a signature of no name, so that staff see who wrote it by their account', () => {
    expect(caseMessageOf(entry('comment', { data: { text: 'Принято.', authorId: 'u1', authorName: '—', from: 'staff' } }))).toEqual({ kind: 'reply', text: 'Принято.' });
  });

  it('leaves every other entry to the records kit', () => {
    expect(caseMessageOf(entry('created'))).toBeUndefined();
    expect(caseMessageOf(entry('updated', { changes: [{ field: 'status', from: 'new', to: 'resolved' }] }))).toBeUndefined();
  });
});

describe('case values in words', () => {
  it('names the case’s own values and the client’s rating; other fields are the kit’s', () => {
    expect(caseValueText('status', 'resolved', cm)).toBe('Решено');
    expect(caseValueText('priority', 'urgent', cm)).toBe('Срочный');
    expect(caseValueText('kind', 'incident', cm)).toBe('Проблема');
    expect(caseValueText('channel', 'portal', cm)).toBe('Портал клиента');
    expect(caseValueText('rating', { score: 4, comment: 'Быстро', at: '2026-11-04T09:00:00.000Z' }, cm)).toBe('★★★★☆ 4 из 5 — «Быстро»');
    expect(ratingText({ score: 5, at: '2026-11-04T09:00:00.000Z' }, casesMessages.en)).toBe('★★★★★ 5 of 5');
    expect(caseValueText('status', 'constructor', cm)).toBeUndefined();
    expect(caseValueText('ownerId', 'u1', cm)).toBeUndefined();
    expect(caseValueText('rating', 'five', cm)).toBeUndefined();
  });
});
