import type { Contact, contactStatuses } from '@shared/domain/contacts/contact';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { RecordsMessages } from '../../records/records-messages';
import type { PickedAccount } from '../../records/parts/AccountPicker';
import { customInputsOf, customKeys, customValuesOf, type CustomInputs } from '../../records/custom/custom-form';
import {
  addressesOf,
  addressRows,
  emailRows,
  emailsOf,
  linkRows,
  linksOf,
  phoneRows,
  phonesOf,
  rowKeys,
  withoutBlankRows,
  type AddressRow,
  type EmailRow,
  type LinkRow,
  type PhoneRow,
} from '../../records/parts/entries';
import { defined, textOrUndefined } from '../../records/form/record-form';

/**
 * The contact form as its inputs hold it, and its conversion to the API's body: the same
 * function serves the create body and both sides of an update's comparison.
 */
export const contactTextFields = ['lastName', 'firstName', 'middleName', 'jobTitle', 'department', 'birthDate', 'timeZone', 'bio', 'family', 'interests'] as const;
export type ContactTextField = (typeof contactTextFields)[number];

export type ContactFormValues = Record<ContactTextField, string> & {
  account: PickedAccount | null;
  phones: PhoneRow[];
  emails: EmailRow[];
  addresses: AddressRow[];
  socialLinks: LinkRow[];
  status: (typeof contactStatuses)[number] | '';
  emailOptOut: boolean;
  ownerId: string;
  custom: CustomInputs;
};

export function contactFormValuesOf(contact: Partial<Contact> | undefined, ctx: { currency: string; decimal: ',' | '.'; customFields: readonly CustomField[] }): ContactFormValues {
  return {
    lastName: contact?.lastName ?? '',
    firstName: contact?.firstName ?? '',
    middleName: contact?.middleName ?? '',
    jobTitle: contact?.jobTitle ?? '',
    department: contact?.department ?? '',
    birthDate: contact?.birthDate ?? '',
    timeZone: contact?.timeZone ?? '',
    bio: contact?.bio ?? '',
    family: contact?.family ?? '',
    interests: contact?.interests ?? '',
    account: contact?.accountId ? { id: contact.accountId } : null,
    phones: phoneRows(contact?.phones),
    emails: emailRows(contact?.emails),
    addresses: addressRows(contact?.addresses),
    socialLinks: linkRows(contact?.socialLinks),
    status: contact?.status ?? '',
    emailOptOut: contact?.emailOptOut ?? false,
    ownerId: contact?.ownerId ?? '',
    custom: customInputsOf(ctx.customFields, contact?.custom, ctx.decimal, ctx.currency),
  };
}

export const withoutBlanks = (values: ContactFormValues): ContactFormValues => ({
  ...values,
  phones: withoutBlankRows(values.phones),
  emails: withoutBlankRows(values.emails),
  addresses: withoutBlankRows(values.addresses),
  socialLinks: withoutBlankRows(values.socialLinks),
});

/**
 * The API body of the values filled in, and the problems found on the way. `emailOptOut` is sent
 * only when set, or when an edit unsets it (the comparison with the record's own sees that).
 */
export function contactBodyOf(values: ContactFormValues, customFields: readonly CustomField[], m: RecordsMessages, requireCustom: boolean) {
  const custom = customValuesOf(customFields, values.custom, m, requireCustom);
  const body = defined({
    lastName: values.lastName.trim(),
    firstName: textOrUndefined(values.firstName),
    middleName: textOrUndefined(values.middleName),
    birthDate: textOrUndefined(values.birthDate),
    timeZone: textOrUndefined(values.timeZone),
    accountId: values.account?.id,
    jobTitle: textOrUndefined(values.jobTitle),
    department: textOrUndefined(values.department),
    phones: phonesOf(values.phones),
    emails: emailsOf(values.emails),
    addresses: addressesOf(values.addresses),
    socialLinks: linksOf(values.socialLinks),
    bio: textOrUndefined(values.bio),
    family: textOrUndefined(values.family),
    interests: textOrUndefined(values.interests),
    status: values.status || undefined,
    emailOptOut: values.emailOptOut ? true : undefined,
    ownerId: values.ownerId || undefined,
    custom: custom.values,
  });
  return { body: body as Record<string, unknown>, errors: custom.errors };
}

/** Which error keys the form can show next to a control. */
export const contactKnownKeys = (customFields: readonly CustomField[]) => (values: ContactFormValues) => {
  const keys = new Set<string>([
    ...contactTextFields,
    'accountId',
    'phones',
    'emails',
    'addresses',
    'socialLinks',
    'status',
    'emailOptOut',
    'ownerId',
    ...rowKeys('phones', values.phones),
    ...rowKeys('emails', values.emails),
    ...rowKeys('addresses', values.addresses),
    ...rowKeys('socialLinks', values.socialLinks),
    ...customKeys(customFields),
  ]);
  return (key: string) => keys.has(key);
};
