import { describe, expect, expectTypeOf, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { ruleOn } from '../../infra/definition/event-rules';
import type { EventPattern } from '../../infra/definition/types';
import { eventSourceOf, type DomainEventType } from '../../shared/events/contracts';

/** Rule patterns come from the typed event contracts (ADR 0003, ADR 0017): a misspelt event does not compile. */
describe('ruleOn', () => {
  it('takes the source from the contracts and the detail-type as given', () => {
    expect(ruleOn('LeadCaptured')).toEqual({ source: ['crm.leads'], 'detail-type': ['LeadCaptured'] });
    expect(ruleOn(['RecordCreated', 'RecordsMerged'], { detail: { record: { type: ['account'] } } })).toEqual({
      source: ['crm.records'],
      'detail-type': ['RecordCreated', 'RecordsMerged'],
      detail: { record: { type: ['account'] } },
    });
  });

  it('refuses events of several sources in one rule (EventBridge would match none of the mixed pairs)', () => {
    expect(() => ruleOn(['LeadCaptured', 'RecordCreated'])).toThrow(/several sources: crm.leads, crm.records/);
  });

  it('fails the typecheck on a misspelt detail-type, a field the event lacks or a value it cannot hold', () => {
    // @ts-expect-error: no such event
    expect(() => ruleOn('LeadCapture')).not.toThrow();
    // @ts-expect-error: a LeadCaptured detail has no `record`
    ruleOn('LeadCaptured', { detail: { record: { type: ['case'] } } });
    // @ts-expect-error: `from` is 'staff' or 'client'
    ruleOn('CaseCommentAdded', { detail: { from: ['customer'] } });
    // @ts-expect-error: a record type that does not exist
    ruleOn('RecordCreated', { detail: { record: { type: ['cases'] } } });
    expectTypeOf(ruleOn).parameter(0).toEqualTypeOf<DomainEventType | readonly [DomainEventType, ...DomainEventType[]]>();
    expectTypeOf(ruleOn('RecordCreated', { detail: { record: { type: ['case'] } } })).toEqualTypeOf<EventPattern>();
  });

  it('builds every rule of the definition: each names detail-types of the contracts and their one source', () => {
    for (const rule of app.rules) {
      const types = rule.eventPattern['detail-type'] as DomainEventType[];
      expect(rule.eventPattern.source, rule.id).toEqual([...new Set(types.map(eventSourceOf))]);
    }
    expect(app.rules.map((r) => r.id).sort()).toEqual([
      'activity-changed-schedule-reminder',
      'case-client-replied-notify-owner',
      'case-opened-in-portal-notify-owner',
      'duplicates-detect',
      'export-requested-run',
      'import-progress-schedule-check',
      'import-requested-run',
      'lead-captured-notify-owner',
      'lead-duplicates-detect',
      'records-merged-follow',
    ]);
  });
});
