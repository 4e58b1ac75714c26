import { followMerge } from '../../shared/services/merge-service';
import { eventHandler } from '../handlers/event-handler';

/**
 * Rule `records-merged-follow`: moves the merged record's children and timeline to the survivor
 * (REC-12). Not order-sensitive: each merge moves what is under its merged record, and a
 * redelivery finds everything moved.
 */
export const handler = eventHandler('follow-merge', ['RecordsMerged'], ({ detail: { record, mergedId, actorId } }) =>
  followMerge(record.type, mergedId, record.id, { type: 'system', id: 'merge', name: `merge by ${actorId}` }),
);
