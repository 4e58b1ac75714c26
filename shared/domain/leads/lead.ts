import * as z from 'zod';
import { emailSchema, moneySchema, phoneTextSchema, trimmed, webUrlSchema } from '../common/values';
import { customValuesInput } from '../custom-fields/custom-field';
import { withCustomFilters } from '../records/record-list';
import type { RecordKind } from '../records/record-type';
import { leadChannels, leadStatuses, openLeadStatuses, qualifications, rejectionReasons } from './lead-process';

/** Schemas of a lead and of every request about one; the API and the web UI validate with these. */
export { currencies, type Money } from '../common/values';

const personName = trimmed(100);

export const utmSchema = z.strictObject({
  source: trimmed(200).optional(),
  medium: trimmed(200).optional(),
  campaign: trimmed(200).optional(),
  term: trimmed(200).optional(),
  content: trimmed(200).optional(),
});
export type Utm = z.infer<typeof utmSchema>;

export const leadSourceSchema = z.strictObject({
  channel: z.enum(leadChannels),
  campaign: trimmed(200).optional(),
  utm: utmSchema.optional(),
  /** Page the visitor came from (the form page's referrer) and the page the form was on. */
  referrer: webUrlSchema(2000).optional(),
  pageUrl: webUrlSchema(2000).optional(),
  formId: z.string().optional(),
});
export type LeadSource = z.infer<typeof leadSourceSchema>;

export const consentSchema = z.strictObject({
  given: z.boolean(),
  at: z.iso.datetime(),
  /** The wording the person agreed to, as shown to them. */
  text: trimmed(2000).optional(),
});
export type Consent = z.infer<typeof consentSchema>;

export const rejectionSchema = z.strictObject({
  stage: z.enum(openLeadStatuses),
  reason: z.enum(rejectionReasons),
  comment: trimmed(2000).optional(),
  at: z.iso.datetime(),
  by: z.string(),
});

/** Editable fields, shared by create and update. */
const leadFields = {
  firstName: personName.optional(),
  lastName: personName.optional(),
  middleName: personName.optional(),
  company: trimmed(200).optional(),
  jobTitle: trimmed(200).optional(),
  email: emailSchema.optional(),
  /** As typed in a request; the lead commands store it in E.164 with the typed form beside it (`phoneTyped`). */
  phone: phoneTextSchema.optional(),
  topic: trimmed(500).optional(),
  message: trimmed(5000).optional(),
  budget: moneySchema.optional(),
  qualification: z.enum(qualifications).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Custom field values by key (REC-9), checked against the lead's definitions by the service. */
  custom: customValuesInput,
};

type IdentityFields = { firstName?: string; lastName?: string; company?: string; email?: string; phone?: string };

/** A lead must say who (a name or a company) and how to reach them (email or phone). */
function requireIdentity(lead: IdentityFields, ctx: z.RefinementCtx): void {
  if (!lead.firstName && !lead.lastName && !lead.company) {
    ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'a name or a company is required' });
  }
  if (!lead.email && !lead.phone) {
    ctx.addIssue({ code: 'custom', path: ['email'], message: 'an email or a phone is required' });
  }
}

export const createLeadSchema = z
  .strictObject({
    ...leadFields,
    source: leadSourceSchema.default({ channel: 'other' }),
    consent: z.strictObject({ given: z.boolean(), text: trimmed(2000).optional() }).optional(),
  })
  .superRefine(requireIdentity);
export type CreateLeadInput = z.infer<typeof createLeadSchema>;

/** Status may move within the open statuses; rejecting and converting have their own operations. */
export const updateLeadSchema = z
  .strictObject({
    version: z.number().int().positive(),
    ...leadFields,
    status: z.enum(openLeadStatuses).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 1, { message: 'nothing to change', path: ['version'] });
export type UpdateLeadInput = z.infer<typeof updateLeadSchema>;

export const rejectLeadSchema = z.strictObject({
  version: z.number().int().positive(),
  reason: z.enum(rejectionReasons),
  comment: trimmed(2000).optional(),
});
export type RejectLeadInput = z.infer<typeof rejectLeadSchema>;

export const leadSchema = z.object({
  id: z.string(),
  ...leadFields,
  ownerId: z.string(),
  status: z.enum(leadStatuses),
  source: leadSourceSchema,
  /** The phone as the person or the user wrote it, for display, when it differs from the stored E.164 `phone`. */
  phoneTyped: z.string().optional(),
  consent: consentSchema.optional(),
  rejection: rejectionSchema.optional(),
  /** What the lead became (REC-1): set once, by conversion. */
  conversion: z.object({ dealId: z.string(), accountId: z.string().optional(), contactId: z.string().optional(), at: z.iso.datetime(), by: z.string() }).optional(),
  /** How many times the same person sent a form (repeat submissions update the lead). */
  submissionCount: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  updatedAt: z.iso.datetime(),
  version: z.number().int().positive(),
});
export type Lead = z.infer<typeof leadSchema>;

export const leadSortKeys = ['createdAt', '-createdAt'] as const;

/** The leads list's parameters, and `custom.<key>` filters on custom fields (REC-9). */
export const listLeadsQuerySchema = withCustomFilters({
  status: z.enum(leadStatuses).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  channel: z.enum(leadChannels).optional(),
  sort: z.enum(leadSortKeys).default('-createdAt'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuerySchema>;

/** Lead fields whose changes are recorded on the timeline. */
export const trackedLeadFields = [
  ...(Object.keys(leadFields) as (keyof typeof leadFields)[]),
  'status',
] as const;
export type TrackedLeadField = (typeof trackedLeadFields)[number];

/** Leads on the records kit (ADR 0020): stored, listed, searched and matched like every record. */
export const leadKind: RecordKind<Lead> = {
  type: 'lead',
  label: 'Lead',
  tracked: trackedLeadFields,
  status: (lead) => lead.status,
  // Listed by date only; stored leads never had a name index (ADR 0020).
  nameIndex: false,
  // Web forms capture leads in public bursts: their lists are spread so no partition takes them all.
  listShards: 4,
  filters: { channel: ['source', 'channel'] },
  search: (lead) => {
    const person = [lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ');
    const title = person || lead.company || lead.email || lead.phone || '—';
    const subtitle = [person ? lead.company : undefined, lead.email].filter(Boolean).join(' · ');
    return {
      title,
      ...(subtitle ? { subtitle } : {}),
      terms: { names: [lead.lastName, lead.firstName, lead.middleName, lead.company], emails: [lead.email], phones: [lead.phone] },
    };
  },
  // The deal, account and contact a converted lead produced point at it.
  mergeable: (lead) => lead.status !== 'converted',
  match: (lead) => ({ emails: [lead.email], phones: [lead.phone], names: [[lead.lastName, lead.firstName, lead.middleName].filter(Boolean).join(' ')] }),
};
