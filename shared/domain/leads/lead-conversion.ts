import * as z from 'zod';
import { createAccountSchema } from '../accounts/account';
import { createContactSchema } from '../contacts/contact';
import { recordIdSchema } from '../common/values';
import { createDealSchema } from '../deals/deal';
import type { Lead } from './lead';

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
