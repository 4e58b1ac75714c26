import { leadSortKeys } from '@shared/domain/leads/lead';
import { leadChannels, leadStatuses } from '@shared/domain/leads/lead-process';
import { recordsSearchValidator } from '../../../records/list/records-search';

/** The leads list's URL: status, owner, channel and `custom.<key>` filters; newest or oldest first. */
export const validateLeadsSearch = recordsSearchValidator(leadStatuses, { selects: { channel: leadChannels }, sorts: leadSortKeys });
