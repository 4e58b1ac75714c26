import type { TimelineChange } from '../../api/contracts';
import { trackedLeadFields, type Lead } from './lead';

/** What changed between two versions of a lead, field by field, for the timeline. */
export function diffLead(before: Lead, after: Lead): TimelineChange[] {
  return trackedLeadFields.flatMap((field) => {
    if (field === 'custom') {
      // Custom values change one by one: `custom.segment` from → to.
      const from = (before.custom ?? {}) as Record<string, unknown>;
      const to = (after.custom ?? {}) as Record<string, unknown>;
      return [...new Set([...Object.keys(from), ...Object.keys(to)])].sort().flatMap((key) => change(`custom.${key}`, from[key], to[key]));
    }
    return change(field, before[field], after[field]);
  });
}

function change(field: string, from: unknown, to: unknown): TimelineChange[] {
  return sameValue(from, to) ? [] : [{ field, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Ф.И.О. in Russian order (last, first, middle), falling back to the company. */
export function leadDisplayName(lead: Pick<Lead, 'lastName' | 'firstName' | 'middleName' | 'company'>): string {
  const person = [lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ');
  return person || lead.company || '—';
}
