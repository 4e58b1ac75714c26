import { followMerge } from '../../shared/services/merge-service';
import { liveSurvivor } from '../../shared/services/merge-survivor';
import { eventHandler } from '../handlers/event-handler';

/**
 * Rule `records-merged-follow`: moves the merged record's children and timeline to the survivor
 * (REC-12). Order-sensitive across merges, not by version: a merge followed after a later merge
 * of its survivor moves everything to where that survivor lives now. A redelivery finds
 * everything moved.
 */
export const handler = eventHandler('follow-merge', ['RecordsMerged'], async ({ detail: { record, mergedId, actorId } }) =>
  followMerge(record.type, mergedId, await liveSurvivor(record.type, record.id), { type: 'system', id: 'merge', name: `merge by ${actorId}` }),
);
