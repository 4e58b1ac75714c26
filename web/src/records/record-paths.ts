/** The app's page of a record: `contact` + id → `/contacts/<id>`. */
export type LinkedRecordType = 'lead' | 'account' | 'contact' | 'deal';

const resources: Record<LinkedRecordType, string> = { lead: 'leads', account: 'accounts', contact: 'contacts', deal: 'deals' };

export const recordPath = (type: LinkedRecordType, id: string): string => `/${resources[type]}/${encodeURIComponent(id)}`;
