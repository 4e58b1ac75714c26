import { phonesE164 } from './0001-phones-e164';
import { portalUserAccount } from './0002-portal-user-account';
import { searchDerived } from './0003-search-derived';
import { recordListShards } from './0004-record-list-shards';
import { auditDayShards } from './0005-audit-day-shards';
import { idempotencySpread } from './0006-idempotency-spread';
import { remindersToSchedules } from './0007-reminders-to-schedules';
import { duplicatePairShards } from './0008-duplicate-pair-shards';
import type { Migration } from './migration';

/**
 * Every data migration, in the order they run (ADR 0024). A change of key format, projection or
 * stored shape adds its file here, with the next version. Never reorder or renumber one that has
 * shipped: deployed tables record the ids they finished.
 */
export const migrations: readonly Migration[] = [phonesE164, portalUserAccount, searchDerived, recordListShards, auditDayShards, idempotencySpread, remindersToSchedules, duplicatePairShards];

/** The schema version the code expects the data to be at. */
export const latestVersion = migrations.at(-1)?.version ?? 0;
