import { describe, expect, it } from 'vitest';
import { clientConfigSchema, loadClientConfig } from '../../../infra/config/client-config';

/** The audit trail's retention is a client setting (issue 14 §5, ADR 0014), bounded so a typo cannot drop a month's trail or keep it forever. */
const base = { name: 'dom', displayName: 'Dom', locale: 'en', currency: 'EUR', timeZone: 'Europe/Berlin', senderEmail: 'crm@dom.example', adminEmail: 'it@dom.example' };

describe('auditRetentionDays', () => {
  it('is 400 days unless the client sets it', () => {
    expect(clientConfigSchema.parse(base).auditRetentionDays).toBe(400);
    expect(clientConfigSchema.parse({ ...base, auditRetentionDays: 730 }).auditRetentionDays).toBe(730);
  });

  it('is whole days from 30 to 3650; anything else fails naming the field', () => {
    for (const days of [29, 3651, 90.5, '400']) {
      const parsed = clientConfigSchema.safeParse({ ...base, auditRetentionDays: days });
      expect(parsed.success, String(days)).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual(['auditRetentionDays']);
    }
    expect(clientConfigSchema.safeParse({ ...base, auditRetentionDays: 30 }).success).toBe(true);
    expect(clientConfigSchema.safeParse({ ...base, auditRetentionDays: 3650 }).success).toBe(true);
  });

  it('is set in every shipped client file', () => {
    for (const client of ['acme', 'steppe', 'local']) expect(loadClientConfig(client).auditRetentionDays, client).toBe(400);
  });
});
