import * as z from 'zod';
import { leadRef } from '../../events/contracts';
import { entry, event, type CommandContext } from '../common/change';
import { DomainError } from '../common/errors';
import type { RecordChange } from '../records/record-commands';
import { createAccountSchema } from '../accounts/account';
import { createContactSchema } from '../contacts/contact';
import { recordIdSchema } from '../common/values';
import { createDealSchema } from '../deals/deal';
import type { Lead } from './lead';
import { isOpenStatus } from './lead-process';

/**
 * Converting a lead (REC-1): one call turns it into a deal, linking an existing account and
 * contact or creating them, all in one transaction. Left out, the account is created from the
 * lead's company and the contact from its person; `false` means none.
 */
const linkOrCreate = <S extends z.ZodType>(create: S) =>
  z.union([z.strictObject({ id: recordIdSchema }), z.strictObject({ create }), z.literal(false)]).optional();

export const convertLeadSchema = z.strictObject({
  version: z.number().int().positive(),
  account: linkOrCreate(createAccountSchema),
  contact: linkOrCreate(createContactSchema.omit({ accountId: true })),
  deal: createDealSchema.omit({ accountId: true, contactIds: true }).partial({ title: true }).default({}),
});
export type ConvertLeadInput = z.infer<typeof convertLeadSchema>;

/** The account a lead suggests: its company. */
export const accountFromLead = (lead: Lead) => (lead.company ? { name: lead.company } : undefined);

/** The contact a lead suggests: its person, with the email and phone it left. */
export function contactFromLead(lead: Lead) {
  const lastName = lead.lastName ?? lead.firstName;
  if (!lastName) return undefined;
  return {
    lastName,
    ...(lead.lastName && lead.firstName ? { firstName: lead.firstName } : {}),
    ...(lead.middleName ? { middleName: lead.middleName } : {}),
    ...(lead.jobTitle ? { jobTitle: lead.jobTitle } : {}),
    ...(lead.email ? { emails: [{ kind: 'work' as const, address: lead.email }] } : {}),
    ...(lead.phone ? { phones: [{ kind: 'mobile' as const, number: lead.phone, ...(lead.phoneTyped ? { typed: lead.phoneTyped } : {}) }] } : {}),
  };
}

/** The deal's title when none is given: what the lead was interested in, or who it is. */
export const dealTitleFromLead = (lead: Lead): string =>
  lead.topic ?? `Сделка: ${lead.company ?? [lead.lastName, lead.firstName].filter(Boolean).join(' ') ?? lead.email ?? lead.id}`;

/** What a conversion links the lead to: the deal it became, the account and contact linked or created. */
export interface ConversionLinks {
  dealId: string;
  accountId?: string;
  contactId?: string;
}

/** Only an open lead converts; converting twice is refused as such. */
export function assertConvertible(lead: Lead): void {
  if (isOpenStatus(lead.status)) return;
  throw new DomainError('unprocessable', lead.status === 'converted' ? 'The lead is already converted' : `A ${lead.status} lead cannot be converted`, {
    fields: [{ path: 'status', message: `the lead is ${lead.status}`, code: lead.status === 'converted' ? 'already_converted' : 'closed' }],
  });
}

/** The lead's side of a conversion, a lead command like rejection: converted, with its links, once. */
export function convertLead(lead: Lead, links: ConversionLinks, ctx: CommandContext): RecordChange<Lead> {
  const at = ctx.now.toISOString();
  const converted: Lead = { ...lead, status: 'converted', conversion: { ...links, at, by: ctx.actor.id }, updatedAt: at, version: lead.version + 1 };
  return {
    record: converted,
    history: entry(ctx, 'converted', { changes: [{ field: 'status', from: lead.status, to: 'converted' }], data: { ...links } }),
    events: [event(ctx, 'LeadConverted', { lead: leadRef(converted), ...links, actorId: ctx.actor.id })],
  };
}
