import { describe, expect, it } from 'vitest';
import type { Lead } from '../../../shared/domain/leads/lead';
import { caseOpenedNews, caseReplyNews, digestCreatedBefore, digestsByOwner, reminderStillWanted } from '../../../shared/domain/notifications/owner-news';

/** What is news to an owner, decided purely (the services read, ask these and send). */
const lead = (id: string, ownerId: string) => ({ id, ownerId }) as Lead;

describe('case news', () => {
  it('is a case opened in the portal, not one staff opened by phone or email', () => {
    expect(caseOpenedNews({ channel: 'portal' })).toEqual({ kind: 'opened' });
    expect(caseOpenedNews({ channel: 'phone' })).toBeUndefined();
    expect(caseOpenedNews({ channel: 'email' })).toBeUndefined();
  });

  it('is a reply with its text, naming its author unless the client has no name on file', () => {
    expect(caseReplyNews({ text: 'Спасибо!', authorName: 'Пётр Покупкин' })).toEqual({ kind: 'replied', text: 'Спасибо!', authorName: 'Пётр Покупкин' });
    expect(caseReplyNews({ text: 'Спасибо!', authorName: '—' })).toEqual({ kind: 'replied', text: 'Спасибо!' });
    expect(caseReplyNews({ text: 'Спасибо!' })).toEqual({ kind: 'replied', text: 'Спасибо!' });
    expect(caseReplyNews({ text: '' })).toBeUndefined();
    expect(caseReplyNews(undefined)).toBeUndefined();
  });
});

describe('the new-leads digest', () => {
  it('lists leads created over a day before the run: a lead of exactly a day waits one second more', () => {
    expect(digestCreatedBefore(new Date('2030-03-05T06:00:00.000Z'))).toBe('2030-03-04T06:00:00.000Z');
  });

  it('is one email per owner, their leads in the order found, dated by the run’s day', () => {
    const now = new Date('2030-03-05T23:59:59.000Z');
    expect(digestsByOwner([lead('l1', 'ann'), lead('l2', 'bob'), lead('l3', 'ann')], now)).toEqual([
      { ownerId: 'ann', day: '2030-03-05', leads: [lead('l1', 'ann'), lead('l3', 'ann')] },
      { ownerId: 'bob', day: '2030-03-05', leads: [lead('l2', 'bob')] },
    ]);
    expect(digestsByOwner([], now)).toEqual([]);
  });
});

describe('a queued reminder', () => {
  const at = '2030-03-05T07:30:00.000Z';
  it('is still wanted while its activity is open and reminds at that time', () => {
    expect(reminderStillWanted({ status: 'open', reminderAt: at }, at)).toBe(true);
  });

  it('is not for an activity gone, done, cancelled or moved to another time', () => {
    expect(reminderStillWanted(undefined, at)).toBe(false);
    expect(reminderStillWanted({ status: 'done', reminderAt: at }, at)).toBe(false);
    expect(reminderStillWanted({ status: 'cancelled', reminderAt: at }, at)).toBe(false);
    expect(reminderStillWanted({ status: 'open', reminderAt: '2030-03-05T08:00:00.000Z' }, at)).toBe(false);
    expect(reminderStillWanted({ status: 'open' }, at)).toBe(false);
  });
});
