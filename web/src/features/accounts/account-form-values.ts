import type { Account, accountStatuses } from '@shared/domain/accounts/account';
import { currencies } from '@shared/domain/common/values';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { LeadChannel } from '@shared/domain/leads/lead-process';
import type { RecordsMessages } from '../../records/records-messages';
import type { PickedAccount } from '../../records/parts/AccountPicker';
import { customInputsOf, customKeys, customValuesOf, type CustomInputs } from '../../records/custom/custom-form';
import { addressesOf, addressRows, phoneRows, phonesOf, rowKeys, withoutBlankRows, type AddressRow, type PhoneRow } from '../../records/parts/entries';
import { defined, numberOrText, numberText, textOrUndefined } from '../../records/form/record-form';

/**
 * The account form as its inputs hold it, and its conversion to the API's body: the same
 * function serves the create body and both sides of an update's comparison.
 */
export type Currency = (typeof currencies)[number];

export const accountTextFields = ['name', 'legalName', 'taxId', 'kpp', 'industry', 'description', 'website', 'email'] as const;
export type AccountTextField = (typeof accountTextFields)[number];

export type AccountFormValues = Record<AccountTextField, string> & {
  phones: PhoneRow[];
  addresses: AddressRow[];
  revenueAmount: string;
  revenueCurrency: Currency;
  employees: string;
  parent: PickedAccount | null;
  leadSource: LeadChannel | '';
  status: (typeof accountStatuses)[number] | '';
  rating: string;
  ownerId: string;
  custom: CustomInputs;
};

export const defaultCurrency = (configured: string): Currency => ((currencies as readonly string[]).includes(configured) ? (configured as Currency) : 'RUB');

export function accountFormValuesOf(account: Partial<Account> | undefined, ctx: { currency: Currency; decimal: ',' | '.'; customFields: readonly CustomField[] }): AccountFormValues {
  return {
    name: account?.name ?? '',
    legalName: account?.legalName ?? '',
    taxId: account?.taxId ?? '',
    kpp: account?.kpp ?? '',
    industry: account?.industry ?? '',
    description: account?.description ?? '',
    website: account?.website ?? '',
    email: account?.email ?? '',
    phones: phoneRows(account?.phones),
    addresses: addressRows(account?.addresses),
    revenueAmount: numberText(account?.annualRevenue?.amount, ctx.decimal),
    revenueCurrency: (account?.annualRevenue?.currency as Currency | undefined) ?? ctx.currency,
    employees: account?.employees === undefined ? '' : String(account.employees),
    parent: account?.parentId ? { id: account.parentId } : null,
    leadSource: account?.leadSource ?? '',
    status: account?.status ?? '',
    rating: account?.rating === undefined ? '' : String(account.rating),
    ownerId: account?.ownerId ?? '',
    custom: customInputsOf(ctx.customFields, account?.custom, ctx.decimal, ctx.currency),
  };
}

/** Blank rows of the lists go before a submit, so issues by index name the rows on the screen. */
export const withoutBlanks = (values: AccountFormValues): AccountFormValues => ({
  ...values,
  phones: withoutBlankRows(values.phones),
  addresses: withoutBlankRows(values.addresses),
});

/** The API body of the values filled in, and the problems found on the way (numbers, required custom fields). */
export function accountBodyOf(values: AccountFormValues, customFields: readonly CustomField[], m: RecordsMessages, requireCustom: boolean) {
  const amount = numberOrText(values.revenueAmount);
  const custom = customValuesOf(customFields, values.custom, m, requireCustom);
  const body = defined({
    name: values.name.trim(),
    legalName: textOrUndefined(values.legalName),
    taxId: textOrUndefined(values.taxId)?.replace(/\s/g, ''),
    kpp: textOrUndefined(values.kpp)?.replace(/\s/g, ''),
    industry: textOrUndefined(values.industry),
    description: textOrUndefined(values.description),
    website: textOrUndefined(values.website),
    email: textOrUndefined(values.email),
    phones: phonesOf(values.phones),
    addresses: addressesOf(values.addresses),
    annualRevenue: amount === undefined ? undefined : { amount, currency: values.revenueCurrency },
    employees: numberOrText(values.employees),
    parentId: values.parent?.id,
    leadSource: values.leadSource || undefined,
    status: values.status || undefined,
    rating: values.rating ? Number(values.rating) : undefined,
    ownerId: values.ownerId || undefined,
    custom: custom.values,
  });
  return { body: body as Record<string, unknown>, errors: custom.errors };
}

/** Which error keys the form can show next to a control. */
export const accountKnownKeys = (customFields: readonly CustomField[]) => (values: AccountFormValues) => {
  const keys = new Set<string>([
    ...accountTextFields,
    'phones',
    'addresses',
    'annualRevenue',
    'employees',
    'parentId',
    'leadSource',
    'status',
    'rating',
    'ownerId',
    ...rowKeys('phones', values.phones),
    ...rowKeys('addresses', values.addresses),
    ...customKeys(customFields),
  ]);
  return (key: string) => keys.has(key);
};
