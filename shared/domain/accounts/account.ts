import * as z from 'zod';
import { customValuesInput } from '../custom-fields/custom-field';
import { emailSchema, moneySchema, recordIdSchema, trimmed, webUrlSchema } from '../common/values';
import { leadChannels } from '../leads/lead-process';
import { addressEntry, changesSomething, listOf, nothingToChangeIssue, phoneEntry, updateShape } from '../records/record-values';
import { refersTo, type RecordBase, type RecordKind } from '../records/record-type';

/** Accounts (REC-2): organisations or their divisions, with parent/child hierarchy. */

export const accountStatuses = ['prospect', 'client', 'former'] as const;
export const accountPhoneKinds = ['work', 'fax', 'mobile', 'other'] as const;
export const accountAddressKinds = ['office', 'legal', 'postal', 'shipping'] as const;

/** ИНН: 10 digits for an organisation, 12 for a sole trader; БИН (Kazakhstan): 12. */
export const taxIdSchema = z.string().trim().regex(/^(\d{10}|\d{12})$/, 'a tax id of 10 or 12 digits');

const accountFields = {
  name: trimmed(200),
  legalName: trimmed(300).optional(),
  taxId: taxIdSchema.optional(),
  kpp: z.string().trim().regex(/^\d{9}$/, 'a КПП of 9 digits').optional(),
  industry: trimmed(100).optional(),
  description: trimmed(5000).optional(),
  website: webUrlSchema(500).optional(),
  email: emailSchema.optional(),
  phones: listOf(phoneEntry(accountPhoneKinds)).optional(),
  addresses: listOf(addressEntry(accountAddressKinds)).optional(),
  annualRevenue: moneySchema.optional(),
  employees: z.number().int().nonnegative().max(10_000_000).optional(),
  parentId: recordIdSchema.optional(),
  leadSource: z.enum(leadChannels).optional(),
  status: z.enum(accountStatuses).optional(),
  rating: z.number().int().min(1).max(5).optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Custom field values by key, checked against the type's definitions by the service. */
  custom: customValuesInput,
};

export const createAccountSchema = z.strictObject(accountFields);
export type CreateAccountInput = z.infer<typeof createAccountSchema>;

export const updateAccountSchema = z.strictObject(updateShape(accountFields, ['name', 'ownerId'])).refine(changesSomething, nothingToChangeIssue);
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export type Account = RecordBase & Omit<CreateAccountInput, 'ownerId' | 'status'> & { status: (typeof accountStatuses)[number] };

export const accountKind: RecordKind<Account> = {
  type: 'account',
  label: 'Account',
  tracked: ['name', 'legalName', 'taxId', 'kpp', 'industry', 'description', 'website', 'email', 'phones', 'addresses', 'annualRevenue', 'employees', 'parentId', 'leadSource', 'status', 'rating', 'ownerId', 'custom'],
  status: (account) => account.status,
  parent: { types: ['account'], of: (account) => (account.parentId ? { type: 'account', id: account.parentId } : undefined), relink: (to) => ({ parentId: to?.id }) },
  references: [refersTo('parentId', 'account')],
  search: (account) => ({
    title: account.name,
    ...(account.legalName || account.taxId ? { subtitle: [account.legalName, account.taxId && `ИНН ${account.taxId}`].filter(Boolean).join(' · ') } : {}),
    terms: {
      names: [account.name, account.legalName],
      emails: [account.email],
      phones: account.phones?.map((p) => p.number),
      codes: [account.taxId],
    },
  }),
  match: (account) => ({ emails: [account.email], phones: account.phones?.map((p) => p.number), taxIds: [account.taxId], names: [account.name] }),
};
