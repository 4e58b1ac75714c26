import type { Page } from '../api/contracts';
import { assertCan } from '../auth/assert-can';
import { listAudit, usageIn } from '../data/audit-repository';
import type { AuditEntry, AuditQuery, UsageQuery, UsageRow } from '../domain/audit/audit-entry';
import type { Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';

/** The audit trail and the usage view (ACC-4), for those the matrix lets read them (admins). */
export async function readAuditAs(actor: Actor, query: AuditQuery, clock: Clock = systemClock): Promise<Page<AuditEntry>> {
  assertCan(actor, 'audit', 'read');
  return listAudit(query, clock.now());
}

export async function readUsageAs(actor: Actor, query: UsageQuery, clock: Clock = systemClock): Promise<{ items: UsageRow[] }> {
  assertCan(actor, 'audit', 'read');
  return { items: await usageIn(query, clock.now()) };
}
