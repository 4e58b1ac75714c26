import { describe, expect, it } from 'vitest';
import { auditActionOf, auditRecordId, normalisedQuery, periodDays } from '../../../shared/domain/audit/audit-entry';

/** How a call is described on the audit trail (ACC-4). */
describe('audit entries', () => {
  it('name the action: collections are lists, anything of a record a read, searches and exports by name', () => {
    expect(auditActionOf('GET', '/api/leads', { subject: 'leads', action: 'read' })).toBe('list');
    expect(auditActionOf('GET', '/api/leads/{leadId}', { subject: 'leads', action: 'read' })).toBe('read');
    expect(auditActionOf('GET', '/api/leads/{leadId}/timeline', { subject: 'leads', action: 'read' })).toBe('read');
    expect(auditActionOf('GET', '/api/search', { subject: 'search', action: 'read' })).toBe('search');
    expect(auditActionOf('POST', '/api/exports', { subject: 'exports', action: 'create' })).toBe('export');
    expect(auditActionOf('POST', '/api/{resource}/{id}/attachments', { subjectParam: 'resource', action: 'update' })).toBe('update');
  });

  it('find the record, compare queries without paging, and walk a period newest day first', () => {
    expect(auditRecordId('/api/{resource}/{id}/attachments/{attachmentId}', { resource: 'deals', id: 'D1', attachmentId: 'A1' })).toBe('D1');
    expect(auditRecordId('/api/leads', undefined)).toBeUndefined();
    expect(normalisedQuery({ status: 'new', cursor: 'abc', limit: '25' })).toEqual({ limit: '25', status: 'new' });
    expect(Object.keys(normalisedQuery({ b: '1', a: '2' }))).toEqual(['a', 'b']);
    expect(periodDays({ from: '2026-02-27', to: '2026-03-02' }, new Date())).toEqual(['2026-03-02', '2026-03-01', '2026-02-28', '2026-02-27']);
    expect(periodDays({}, new Date('2026-11-23T12:00:00Z'))).toHaveLength(7);
  });
});
