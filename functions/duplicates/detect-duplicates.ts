import { detectDuplicatesOf } from '../../shared/services/duplicates-service';
import { eventHandler, type ConsumedEvent } from '../handlers/event-handler';

/**
 * Rules `duplicates-detect` and `lead-duplicates-detect`: a lead, account or contact was created,
 * changed or merged; its duplicate pairs follow (REC-12). Order-sensitive: the pairs are what the
 * match index says of the record's latest state, so an event older than one already handled for
 * the record is ignored (ADR 0018).
 */
const types = ['RecordCreated', 'RecordUpdated', 'RecordsMerged', 'LeadCreated', 'LeadUpdated', 'LeadResubmitted', 'LeadRejected', 'LeadConverted'] as const;

const changedRecord = ({ detail }: ConsumedEvent<(typeof types)[number]>) => ('record' in detail ? detail.record : { type: 'lead' as const, ...detail.lead });

export const handler = eventHandler(
  'detect-duplicates',
  types,
  async (event) => {
    const { type, id } = changedRecord(event);
    const result = await detectDuplicatesOf(type, id);
    // The merged record is gone: its pairs go with it.
    if ('mergedId' in event.detail) result.removed += (await detectDuplicatesOf(type, event.detail.mergedId)).removed;
    return result;
  },
  { orderBy: (event) => ({ key: `${changedRecord(event).type}#${changedRecord(event).id}`, version: changedRecord(event).version }) },
);
