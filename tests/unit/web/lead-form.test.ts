import { describe, expect, it } from 'vitest';
import type { CustomField } from '../../../shared/domain/custom-fields/custom-field';
import { createLeadSchema, updateLeadSchema, type Lead } from '../../../shared/domain/leads/lead';
import { customSchemaIssues } from '../../../web/src/records/custom/custom-issues';
import { customValuesOf } from '../../../web/src/records/custom/custom-form';
import { recordsMessages } from '../../../web/src/records/records-messages';
import { fieldOfPath } from '../../../web/src/features/leads/form/lead-form-errors';
import { createBodyOf, leadFormValuesOf, updatePatchOf } from '../../../web/src/features/leads/form/lead-form-values';
import { validateLeadsSearch } from '../../../web/src/features/leads/list/leads-search';

/** The lead form's custom fields (REC-9) and the leads list's URL, as the browser builds them. */
const fields: CustomField[] = [
  { key: 'segment', label: 'Сегмент', type: 'select', options: [{ value: 'smb', label: 'МСБ' }, { value: 'ent', label: 'Корп.' }], required: false, inList: true },
  { key: 'seats', label: 'Места', type: 'number', required: true, inList: false },
  { key: 'deal', label: 'Сумма', type: 'money', required: false, inList: false },
];
const m = recordsMessages.ru;

const lead: Lead = {
  id: '01JD00000000000000000000AA',
  lastName: 'Иванова',
  email: 'ivanova@example.ru',
  ownerId: 'u1',
  status: 'new',
  source: { channel: 'other' },
  submissionCount: 0,
  custom: { segment: 'ent', seats: 1500.5, retired: 'kept' },
  createdAt: '2026-11-01T10:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-11-01T10:00:00.000Z',
  version: 3,
};

describe('lead form custom values', () => {
  it('are sent on create, and checked before the API is asked', () => {
    const values = { ...leadFormValuesOf(lead, 'RUB', ',', fields), custom: { segment: 'smb', seats: '12', deal: { amount: '1 000,50', currency: 'RUB' } } };
    const custom = customValuesOf(fields, values.custom, m, true);
    const body = createLeadSchema.parse(createBodyOf(values, custom.values));
    expect(body.custom).toEqual({ segment: 'smb', seats: 12, deal: { amount: 1000.5, currency: 'RUB' } });

    const bad = customValuesOf(fields, { segment: 'other', seats: 'двенадцать', deal: { amount: '', currency: 'RUB' } }, m, true);
    expect(bad.errors).toEqual({ 'custom.seats': m.form.errors.invalidNumber });
    expect(customSchemaIssues(fields, bad.values, false).map((issue) => issue.path)).toEqual(expect.arrayContaining(['custom.segment', 'custom.seats']));
  });

  it('patch only what changed on edit, a cleared one as null, and leave values of deleted fields alone', () => {
    const initial = leadFormValuesOf(lead, 'RUB', ',', fields);
    expect(initial.custom).toMatchObject({ segment: 'ent', seats: '1500,5' });
    const before = customValuesOf(fields, initial.custom, m, false).values;

    const unchanged = updatePatchOf(initial, lead, { next: before, before });
    expect(unchanged.patch).toEqual({ version: 3 });

    const edited = { ...initial, custom: { ...initial.custom, segment: '', seats: '1500.50' } };
    const { patch } = updatePatchOf(edited, lead, { next: customValuesOf(fields, edited.custom, m, false).values, before });
    expect(patch).toEqual({ version: 3, custom: { segment: null } });
    expect(updateLeadSchema.safeParse(patch).success).toBe(true);
    expect(customSchemaIssues(fields, patch.custom, true)).toEqual([]);
  });

  it('place the API’s errors on their inputs', () => {
    expect(fieldOfPath('custom.seats')).toBe('custom.seats');
    expect(fieldOfPath('budget.amount')).toBe('budgetAmount');
    expect(fieldOfPath('custom')).toBeUndefined();
  });
});

describe('the leads list URL', () => {
  it('keeps known filters, custom ones and the sorts the leads API has; drops the rest', () => {
    expect(
      validateLeadsSearch({ status: 'new', channel: 'website', 'custom.segment': 'smb', 'custom.vip': true, sort: 'createdAt', cursor: 'abc', junk: 'x' }),
    ).toEqual({ status: 'new', channel: 'website', 'custom.segment': 'smb', 'custom.vip': 'true', sort: 'createdAt', cursor: 'abc' });
    expect(validateLeadsSearch({ status: 'won', channel: 'fax', sort: 'name', 'custom.Bad': 'x' })).toEqual({});
  });
});
