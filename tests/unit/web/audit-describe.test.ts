import { subjects } from '@shared/auth/permissions';
import { describe, expect, it } from 'vitest';
import { actorLabel, listHrefOf, parseRoute, queryText, recordHrefOf, topBars, usageHintOf } from '../../../web/src/features/settings/audit/audit-describe';
import { auditMessages, subjectLabel } from '../../../web/src/features/settings/audit/audit-messages';
import { auditActions } from '../../../web/src/features/settings/audit/audit-types';

/** Words, links and hints for the audit trail (ACC-4). */
describe('describing audit entries', () => {
  it('links a record of a record type to its page, and nothing else', () => {
    expect(recordHrefOf('leads', '01HZX')).toBe('/leads/01HZX');
    expect(recordHrefOf('accounts', 'a/b')).toBe('/accounts/a%2Fb');
    expect(recordHrefOf('contacts', 'c1')).toBe('/contacts/c1');
    expect(recordHrefOf('deals', 'd1')).toBe('/deals/d1');
    expect(recordHrefOf('exports', 'e1')).toBeUndefined();
    expect(recordHrefOf('leads', undefined)).toBeUndefined();
  });

  it('names the actor: the entry’s name, the directory’s, the id; API keys as such', () => {
    const userName = (id: string) => (id === 'u-1' ? 'Ирина Петрова' : id);
    const apiKey = auditMessages.ru.apiKey;
    expect(actorLabel({ type: 'user', id: 'u-1', name: 'Ирина' }, userName, apiKey)).toBe('Ирина');
    expect(actorLabel({ type: 'user', id: 'u-1' }, userName, apiKey)).toBe('Ирина Петрова');
    expect(actorLabel({ type: 'user', id: 'u-9' }, userName, apiKey)).toBe('u-9');
    expect(actorLabel({ type: 'api-key', id: 'k-1', name: '1С' }, userName, apiKey)).toBe('API-ключ «1С»');
    expect(actorLabel({ type: 'api-key', id: 'k-1' }, userName, auditMessages.en.apiKey)).toBe('API key “k-1”');
  });

  it('has words for every action and subject in both languages, and keeps an unknown subject as it is', () => {
    for (const locale of ['ru', 'en'] as const) {
      for (const action of auditActions) expect(auditMessages[locale].actions[action]).toBeTruthy();
      for (const subject of subjects) expect(subjectLabel(auditMessages[locale], subject), `${locale}: ${subject}`).not.toBe(subject);
    }
    expect(subjectLabel(auditMessages.ru, 'leads')).toBe('Лиды');
    expect(subjectLabel(auditMessages.en, 'custom-fields')).toBe('Custom fields');
    expect(subjectLabel(auditMessages.ru, 'webhooks')).toBe('webhooks');
  });

  it('reads a declared route and writes a query in one line, keys in order', () => {
    expect(parseRoute('GET /api/leads/{leadId}')).toEqual({ method: 'GET', path: '/api/leads/{leadId}', hasParams: true });
    expect(parseRoute('post /api/exports')).toEqual({ method: 'POST', path: '/api/exports', hasParams: false });
    expect(queryText({ status: 'new', ownerId: 'u-1' })).toBe('ownerId=u-1 · status=new');
    expect(queryText(undefined)).toBe('');
  });
});

describe('the hint for a repeated call', () => {
  it('suggests a saved list for a search or a filtered list repeated', () => {
    expect(usageHintOf('GET /api/search', { q: 'Ромашка' })).toBe('saved-list');
    expect(usageHintOf('GET /api/leads', { status: 'new', ownerId: 'u-1', limit: '25' })).toBe('saved-list');
    expect(usageHintOf('GET /api/deals', { 'custom.region': 'north' })).toBe('saved-list');
  });

  it('sees ordinary work in an unfiltered list (paging and sorting are not filters)', () => {
    expect(usageHintOf('GET /api/leads', {})).toBe('routine');
    expect(usageHintOf('GET /api/accounts', { sort: '-createdAt', limit: '25', cursor: 'c' })).toBe('routine');
  });

  it('tells a record opened again and again, an export repeated, and anything else', () => {
    expect(usageHintOf('GET /api/leads/{leadId}', {})).toBe('record');
    expect(usageHintOf('GET /api/contacts/{id}/deals', {})).toBe('record');
    expect(usageHintOf('POST /api/exports', { type: 'leads' })).toBe('report');
    expect(usageHintOf('PATCH /api/leads/{leadId}', {})).toBe('other');
    expect(usageHintOf('GET /api/exports/{exportId}', {})).toBe('record');
  });

  it('opens the app’s own list with the same filters, without paging', () => {
    expect(listHrefOf('GET /api/leads', { status: 'new', limit: '25', cursor: 'c' })).toBe('/leads?status=new');
    expect(listHrefOf('GET /api/deals', {})).toBe('/deals');
    expect(listHrefOf('GET /api/accounts', { 'custom.vip': 'true', sort: 'name' })).toBe('/accounts?custom.vip=true&sort=name');
    expect(listHrefOf('GET /api/search', { q: 'x' })).toBeUndefined();
    expect(listHrefOf('GET /api/leads/{leadId}', {})).toBeUndefined();
    expect(listHrefOf('POST /api/leads', {})).toBeUndefined();
  });

  it('draws the most repeated first, each bar a share of the largest', () => {
    const bars = topBars([{ count: 5 }, { count: 20 }, { count: 10 }], 2);
    expect(bars).toEqual([
      { item: { count: 20 }, share: 1 },
      { item: { count: 10 }, share: 0.5 },
    ]);
    expect(topBars([], 10)).toEqual([]);
  });
});
