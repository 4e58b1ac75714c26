import { describe, expect, it } from 'vitest';
import {
  atExpression,
  fireTimeOf,
  importCheckChangeOf,
  momentSchema,
  parseAtExpression,
  reminderChangeOf,
  scheduleNameOf,
} from '../../../shared/domain/moments/one-time-moment';

/** One-time moments (ADR 0012), the pure part: names, at() expressions, and what an event means for a moment. */
const now = new Date('2031-03-01T10:00:00.000Z');
const activity = (reminder?: string) => ({ type: 'activity', id: '01M9ACT', ...(reminder ? { reminder } : {}) });

describe('schedule names', () => {
  it('are one per kind and subject, in the alphabet and length Scheduler allows', () => {
    expect(scheduleNameOf({ kind: 'reminder', subject: { type: 'activity', id: '01M982WGV9B290VWMA95MHHCA9' } })).toBe('reminder-activity-01M982WGV9B290VWMA95MHHCA9');
    expect(scheduleNameOf({ kind: 'import-check', subject: { type: 'import', id: '01M9IMP' } })).toBe('import-check-import-01M9IMP');
  });

  it('hash an id that does not fit, deterministically', () => {
    const long = { kind: 'reminder' as const, subject: { type: 'activity', id: 'x'.repeat(80) } };
    const odd = { kind: 'reminder' as const, subject: { type: 'activity', id: 'a/b c' } };
    for (const moment of [long, odd]) {
      const name = scheduleNameOf(moment);
      expect(name).toMatch(/^[0-9A-Za-z_.-]{1,64}$/);
      expect(name).toBe(scheduleNameOf(moment));
    }
    expect(scheduleNameOf(long)).not.toBe(scheduleNameOf({ ...long, subject: { type: 'activity', id: 'y'.repeat(80) } }));
  });
});

describe('at() expressions', () => {
  it('are written in UTC to the second, and read back', () => {
    expect(atExpression(new Date('2031-03-02T06:30:15.999Z'))).toBe('at(2031-03-02T06:30:15)');
    expect(parseAtExpression('at(2031-03-02T06:30:15)')?.toISOString()).toBe('2031-03-02T06:30:15.000Z');
  });

  it('refuse what is not a one-time expression', () => {
    for (const bad of ['rate(1 minute)', 'cron(0 9 ? * MON-FRI *)', 'at(2031-03-02 06:30:15)', 'at(2031-13-02T06:30:15)', 'at(2031-03-02T06:30)']) expect(parseAtExpression(bad), bad).toBeUndefined();
  });
});

describe('the moment a schedule names', () => {
  it('is checked by its schema', () => {
    expect(momentSchema.safeParse({ kind: 'reminder', subject: { type: 'activity', id: 'a' }, at: '2031-03-02T06:30:00.000Z' }).success).toBe(true);
    expect(momentSchema.safeParse({ kind: 'birthday', subject: { type: 'activity', id: 'a' }, at: '2031-03-02T06:30:00.000Z' }).success).toBe(false);
    expect(momentSchema.safeParse({ kind: 'reminder', subject: { type: 'activity', id: '' }, at: 'tomorrow' }).success).toBe(false);
  });
});

describe('fire times', () => {
  it('are the moment itself when it is at least a minute away', () => {
    expect(fireTimeOf('2031-03-01T10:01:00.000Z', now)?.toISOString()).toBe('2031-03-01T10:01:00.000Z');
  });

  it('are a minute from now for a moment up to six hours past, and none for an older one', () => {
    expect(fireTimeOf('2031-03-01T10:00:30.000Z', now)?.toISOString()).toBe('2031-03-01T10:01:00.000Z');
    expect(fireTimeOf('2031-03-01T04:00:00.000Z', now)?.toISOString()).toBe('2031-03-01T10:01:00.000Z');
    expect(fireTimeOf('2031-03-01T03:59:59.000Z', now)).toBeUndefined();
  });
});

describe("what an activity's event means for its reminder", () => {
  it('sets the schedule whenever the event carries a pending reminder: a creation, a move, an unrelated change', () => {
    const at = '2031-03-02T06:30:00.000Z';
    for (const event of [
      { type: 'RecordCreated' as const, record: activity(at) },
      { type: 'RecordUpdated' as const, record: activity(at), changedFields: ['reminderAt'] },
      { type: 'RecordUpdated' as const, record: activity(at), changedFields: ['subject'] },
    ]) {
      expect(reminderChangeOf(event, now)).toEqual({ action: 'set', moment: { kind: 'reminder', subject: { type: 'activity', id: '01M9ACT' }, at }, fireAt: new Date(at) });
    }
  });

  it('deletes it when a change cleared the reminder or finished the activity', () => {
    for (const changedFields of [['reminderAt'], ['status', 'outcome']]) {
      expect(reminderChangeOf({ type: 'RecordUpdated', record: activity(), changedFields }, now)).toEqual({ action: 'clear', moment: { kind: 'reminder', subject: { type: 'activity', id: '01M9ACT' } } });
    }
  });

  it('does nothing for a creation without a reminder, or a change that touched neither', () => {
    expect(reminderChangeOf({ type: 'RecordCreated', record: activity() }, now)).toEqual({ action: 'none' });
    expect(reminderChangeOf({ type: 'RecordUpdated', record: activity(), changedFields: ['subject'] }, now)).toEqual({ action: 'none' });
  });

  it('deletes a reminder too old to be worth a message', () => {
    expect(reminderChangeOf({ type: 'RecordCreated', record: activity('2031-02-01T00:00:00.000Z') }, now)).toMatchObject({ action: 'clear' });
  });
});

describe("what an import's event means for its stale check", () => {
  it('sets it 15 minutes after each hand-over, rounded up to the second, and deletes it when the phase finishes', () => {
    expect(importCheckChangeOf({ type: 'ImportRequested', importId: 'i1', occurredAt: '2031-03-01T09:59:00.250Z' }, now)).toEqual({
      action: 'set',
      moment: { kind: 'import-check', subject: { type: 'import', id: 'i1' }, at: '2031-03-01T10:14:00.250Z' },
      fireAt: new Date('2031-03-01T10:14:01.000Z'),
    });
    expect(importCheckChangeOf({ type: 'ImportFinished', importId: 'i1' }, now)).toEqual({ action: 'clear', moment: { kind: 'import-check', subject: { type: 'import', id: 'i1' } } });
  });

  it('never sets it in the past: a late event leaves a check a minute from now', () => {
    expect(importCheckChangeOf({ type: 'ImportRequested', importId: 'i1', occurredAt: '2031-03-01T08:00:00.000Z' }, now)).toMatchObject({ fireAt: new Date('2031-03-01T10:01:00.000Z') });
  });
});
