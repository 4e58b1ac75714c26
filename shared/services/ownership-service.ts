import { getUser } from '../data/users-repository';
import type { Actor } from '../domain/common/actor';
import { DomainError, invalidField } from '../domain/common/errors';
import type { RecordBase } from '../domain/records/record-type';
import { transferResources, type OwnershipTransferInput, type TransferOutcome, type TransferResource, type TransferResult } from '../domain/ownership/ownership-transfer';
import { accounts } from './account-service';
import { activities } from './activity-service';
import { contacts } from './contact-service';
import { deals } from './deal-service';
import { leads } from './lead-records';
import type { RecordService } from './record-service';
import { assertMayAssign } from './visibility-service';

/** One record's move: read in the actor's sight, then updated with the version read. */
type Move = (actor: Actor, id: string, toOwnerId: string) => Promise<'moved' | 'unchanged'>;

const moveWith =
  (read: (actor: Actor, id: string) => Promise<{ ownerId: string; version: number }>, update: (actor: Actor, id: string, patch: { version: number; ownerId: string }) => Promise<unknown>): Move =>
  async (actor, id, toOwnerId) => {
    const current = await read(actor, id);
    if (current.ownerId === toOwnerId) return 'unchanged';
    await update(actor, id, { version: current.version, ownerId: toOwnerId });
    return 'moved';
  };

/** A core record type's move: every update schema takes `ownerId` (the kit's update shape). */
function coreMove<T extends RecordBase, C, U extends { version: number }>(service: RecordService<T, C, U>): Move {
  return moveWith(
    (actor, id) => service.read(actor, id),
    (actor, id, patch) => service.update(actor, id, patch as unknown as U),
  );
}

const moves: Record<TransferResource, Move> = {
  leads: moveWith(
    (actor, id) => leads.read(actor, id, 'transfer'),
    (actor, id, patch) => leads.update(actor, id, patch),
  ),
  accounts: coreMove(accounts),
  contacts: coreMove(contacts),
  deals: coreMove(deals),
  activities: coreMove(activities),
};

/**
 * Gives the chosen records to `toOwnerId`, one by one, each as its own edit: a record out of
 * sight or gone is reported `not_found`, one changed meanwhile `conflict`; the rest move. The new
 * owner must be a known user the actor may assign to (within the team for a manager).
 */
export async function transferOwnershipAs(actor: Actor, resource: TransferResource, input: OwnershipTransferInput): Promise<TransferResult> {
  const type = transferResources[resource];
  await assertMayAssign(actor, type, input.toOwnerId, undefined);
  if (!(await getUser(input.toOwnerId))) throw invalidField('toOwnerId', 'no such user', 'not_found');
  const items: TransferResult['items'] = [];
  for (const id of [...new Set(input.ids)]) {
    let outcome: TransferOutcome;
    try {
      outcome = await moves[resource](actor, id, input.toOwnerId);
    } catch (error) {
      if (!(error instanceof DomainError) || !['not_found', 'moved', 'version_conflict'].includes(error.code)) throw error;
      outcome = error.code === 'version_conflict' ? 'conflict' : 'not_found';
    }
    items.push({ id, outcome });
  }
  return { moved: items.filter((item) => item.outcome === 'moved').length, items };
}
