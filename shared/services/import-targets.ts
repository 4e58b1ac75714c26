import { getRecord } from '../data/records-repository';
import type { Actor } from '../domain/common/actor';
import type { ImportType } from '../domain/imports/import-job';
import { mergePatch } from '../domain/imports/import-merge';
import type { RecordBase, RecordKind } from '../domain/records/record-type';
import { accounts } from './account-service';
import { contacts } from './contact-service';
import { deals } from './deal-service';
import { leads } from './lead-records';
import type { AlsoPut, RecordService } from './record-service';

/**
 * How an import writes each type it takes: create a record, or update a duplicate with what the
 * row adds. Either way `alsoPut` (the row's marker) is written in the record's own transaction.
 */
export interface ImportTarget {
  kind: RecordKind<RecordBase>;
  create(actor: Actor, input: Record<string, unknown>, alsoPut: AlsoPut): Promise<{ id: string }>;
  /** 'unchanged' when the row brings nothing the record lacks: nothing is written. */
  update(actor: Actor, id: string, input: Record<string, unknown>, alsoPut: AlsoPut): Promise<'updated' | 'unchanged' | 'gone'>;
}

function recordTarget<T extends RecordBase, C, U extends { version: number }>(service: RecordService<T, C, U>): ImportTarget {
  const kind = service.kind;
  return {
    kind: kind as unknown as RecordKind<RecordBase>,
    // indexNow: the next row matches what this one wrote (its match keys), not a moment later.
    create: (actor, input, alsoPut) => service.create(actor, input as C, { alsoPut, indexNow: true }),
    update: async (actor, id, input, alsoPut) => {
      const current = await getRecord(kind, id);
      if (!current) return 'gone';
      const patch = mergePatch(current as unknown as Record<string, unknown>, input);
      if (Object.keys(patch).length === 0) return 'unchanged';
      await service.update(actor, id, { ...patch, version: current.version } as U, { alsoPut, indexNow: true });
      return 'updated';
    },
  };
}

export const importTargets: Record<ImportType, ImportTarget> = {
  lead: recordTarget(leads),
  account: recordTarget(accounts),
  contact: recordTarget(contacts),
  deal: recordTarget(deals),
};
