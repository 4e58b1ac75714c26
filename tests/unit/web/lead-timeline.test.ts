import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../shared/api/contracts';
import { leadEntryFacts } from '../../../web/src/features/leads/card/lead-timeline';
import { ru } from '../../../web/src/i18n/ru';

/** The facts only a lead's history entries carry, which the lead card adds to the records kit's timeline. */
const entry = (kind: TimelineEntry['kind'], data: Record<string, unknown>, actor: TimelineEntry['actor'] = { type: 'user', id: 'u1' }): TimelineEntry => ({
  id: `e-${kind}`,
  kind,
  at: '2026-12-01T10:00:00.000Z',
  actor,
  data,
});

describe('leadEntryFacts', () => {
  it('names the web form a submission came through, unless the entry is already by that form', () => {
    expect(leadEntryFacts(entry('captured', { formId: 'contact-us' }, { type: 'system', id: 'import' }), ru)).toEqual([['Веб-форма', 'contact-us']]);
    expect(leadEntryFacts(entry('resubmitted', { formId: 'contact-us' }, { type: 'form', id: 'contact-us' }), ru)).toEqual([]);
  });

  it('says the channel a lead was created from, in words, and leaves out a channel it does not know', () => {
    expect(leadEntryFacts(entry('created', { channel: 'website' }), ru)).toEqual([['Канал', 'Сайт']]);
    expect(leadEntryFacts(entry('created', { channel: 'carrier-pigeon' }), ru)).toEqual([]);
  });

  it("says a rejection's reason in words", () => {
    expect(leadEntryFacts(entry('rejected', { reason: 'no-budget' }), ru)).toEqual([['Причина', 'Нет бюджета']]);
  });

  it('adds nothing to the entries every record has', () => {
    expect(leadEntryFacts(entry('updated', { formId: 'contact-us', channel: 'website', reason: 'no-budget' }), ru)).toEqual([]);
  });
});
