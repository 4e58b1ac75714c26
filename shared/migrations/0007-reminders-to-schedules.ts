import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../data/dynamo-client';
import { outboxAttribute, recordKeys } from '../data/keys';
import { stripLayout } from '../data/record-item';
import { families, keyOf } from '../data/table-schema';
import { activityKind, type Activity } from '../domain/activities/activity';
import { event, type CommandContext } from '../domain/common/change';
import { newId } from '../domain/common/clock';
import { recordRef } from '../domain/records/record-commands';
import { keyPrefixOf } from '../domain/records/record-type';
import { correlated } from '../events/correlation';
import type { Migration } from './migration';

/**
 * Reminders onto one-time schedules (issue 14 §4, ADR 0012): the previous release kept a pending
 * reminder as a `REMINDER` item that a minute sweep read; nothing reads those now. For each, the
 * activity's `RecordUpdated` (its current version, its reminder) is announced through the outbox —
 * an `outboxOnly` item, no timeline entry — so `schedule-reminders` sets its schedule as for any
 * save, and the `REMINDER` item goes in the same transaction. An activity done, deleted or moved
 * since is announced as it is now (no reminder: no schedule). A reminder more than six hours past
 * is dropped, as the sweep would have (it looked back six hours).
 */
const sweepLookBackMs = 6 * 3600_000;
const announcementKeptSeconds = 7 * 24 * 3600;

export const remindersToSchedules: Migration = {
  id: '0007-reminders-to-schedules',
  version: 7,
  description: "pending reminders announced to schedule-reminders, which sets their one-time schedules; the REMINDER items removed",
  scope: { entities: ['REMINDER'] },
  async apply(item) {
    const now = new Date();
    if (item.recordType !== 'activity' || Date.parse(String(item.at)) < now.getTime() - sweepLookBackMs) return { remove: true };
    const recordPk = recordKeys(keyPrefixOf('activity')).item(String(item.recordId));
    const { Item } = await dynamo().send(new GetCommand({ TableName: tableName(), Key: recordPk, ConsistentRead: true }));
    // Deleted or merged away since: nothing to remind of.
    if (Item?.entity !== keyPrefixOf('activity')) return { remove: true };
    const ctx: CommandContext = { actor: { type: 'system', id: 'migrations' }, now, newId: () => newId(now) };
    const announced = [event(ctx, 'RecordUpdated', { record: recordRef(activityKind, stripLayout<Activity>(Item)), changedFields: ['reminderAt'], actorId: 'migrations' })];
    const id = newId(now);
    return {
      move: {
        to: {
          ...keyOf('outboxOnly', { recordPk: recordPk.pk, at: now.toISOString(), id }),
          entity: families.outboxOnly.entity,
          [outboxAttribute]: announced.map(correlated),
          expiresAt: Math.floor(now.getTime() / 1000) + announcementKeptSeconds,
        },
      },
    };
  },
};
