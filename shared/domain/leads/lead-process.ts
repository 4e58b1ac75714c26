/**
 * The lead process (REC-1): the statuses a lead moves through. `rejected` and `converted` are
 * terminal and reached only through their own operations (reject; conversion into a deal).
 */
export const leadStatuses = ['new', 'in-progress', 'nurturing', 'qualified', 'rejected', 'converted'] as const;
export type LeadStatus = (typeof leadStatuses)[number];

export const openLeadStatuses = ['new', 'in-progress', 'nurturing', 'qualified'] as const satisfies readonly LeadStatus[];
export type OpenLeadStatus = (typeof openLeadStatuses)[number];

export const isOpenStatus = (status: LeadStatus): status is OpenLeadStatus =>
  (openLeadStatuses as readonly string[]).includes(status);

export const leadChannels = ['website', 'event', 'meeting', 'referral', 'phone', 'email', 'social', 'import', 'other'] as const;
export type LeadChannel = (typeof leadChannels)[number];

export const qualifications = ['hot', 'warm', 'cold'] as const;
export type Qualification = (typeof qualifications)[number];

export const rejectionReasons = [
  'no-budget',
  'no-need',
  'no-authority',
  'bad-timing',
  'chose-competitor',
  'no-response',
  'duplicate',
  'spam',
  'other',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];
