import { describe, expect, it } from 'vitest';
import { formSettingsSchema, type Form } from '../../../shared/domain/forms/form';
import { assignOwner, interpretSubmission, isOriginAllowed } from '../../../shared/domain/forms/submission';

const form: Form = {
  ...formSettingsSchema.parse({
    name: 'Test',
    thankYouUrl: 'https://site.example/thanks',
    fieldMapping: { fio: 'fullName', mail: 'email', tel: 'phone', sum: 'budget' },
    requiredFields: ['email'],
    consent: { field: 'ok', text: 'Согласен' },
  }),
  id: 'test',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'owner-1',
  updatedAt: '2026-01-01T00:00:00.000Z',
  version: 1,
};
const meta = { currency: 'RUB' as const };

describe('interpretSubmission', () => {
  it('maps posted fields by the form mapping and keeps unmapped ones as extras', () => {
    const verdict = interpretSubmission(form, { fio: ['Иванов Иван Иванович'], mail: ['I@X.RU'], ok: ['on'], sum: ['1 500 000,50'], city: ['Казань'] }, meta);
    expect(verdict).toMatchObject({
      kind: 'valid',
      lead: { lastName: 'Иванов', firstName: 'Иван', middleName: 'Иванович', email: 'i@x.ru', budget: { amount: 1500000.5, currency: 'RUB' }, consent: { given: true, text: 'Согласен' } },
      extras: { city: 'Казань' },
    });
  });

  it('names the posted field, not the lead field, in errors', () => {
    const verdict = interpretSubmission(form, { fio: ['Кто-то'], mail: ['nope'], tel: ['12'] }, meta);
    expect(verdict.kind).toBe('invalid');
    expect(verdict.kind === 'invalid' && verdict.issues.map((i) => i.path).sort()).toEqual(['mail', 'ok', 'tel']);
  });

  it('treats a filled honeypot as spam before anything else', () => {
    expect(interpretSubmission(form, { website_url: ['http://x'] }, meta)).toEqual({ kind: 'spam' });
  });

  it('reads UTM tags from the page URL unless posted explicitly', () => {
    const verdict = interpretSubmission(form, { mail: ['a@b.ru'], fio: ['А Б'], ok: ['1'], utm_source: ['vk'] }, { ...meta, pageUrl: 'https://site.example/?utm_source=google&utm_medium=cpc' });
    expect(verdict.kind === 'valid' && verdict.lead.source.utm).toEqual({ source: 'vk', medium: 'cpc' });
  });

  it.each(['', '0', 'false', 'off', 'нет'])('does not take %j for consent', (value) => {
    expect(interpretSubmission(form, { mail: ['a@b.ru'], fio: ['А Б'], ok: [value] }, meta).kind).toBe('invalid');
  });
});

describe('origins and owners', () => {
  it('allows only listed origins, and posts without an Origin header', () => {
    expect(isOriginAllowed('https://site.example', ['https://site.example'])).toBe(true);
    expect(isOriginAllowed('https://site.example.evil.com', ['https://site.example'])).toBe(false);
    expect(isOriginAllowed('null', ['https://site.example'])).toBe(false);
    expect(isOriginAllowed(undefined, ['https://site.example'])).toBe(true);
  });

  it('spreads leads over every owner and falls back to the form creator', () => {
    const owners = ['a', 'b', 'c'];
    const assigned = new Set(Array.from({ length: 60 }, (_, i) => assignOwner(owners, 'x', `01J${i.toString().padStart(23, '0')}`)));
    expect(assigned).toEqual(new Set(owners));
    expect(assignOwner([], 'creator', 'id')).toBe('creator');
  });
});
