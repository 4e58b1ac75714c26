import * as z from 'zod';
import { customValuesInput } from '../custom-fields/custom-field';
import { dateSchema, recordIdSchema, timeZoneSchema, trimmed, webUrlSchema } from '../common/values';
import { addressEntry, changesSomething, emailEntry, listOf, nothingToChangeIssue, phoneEntry, updateShape } from '../records/record-values';
import { refersTo, type RecordBase, type RecordKind } from '../records/record-type';

/** Contacts (REC-3): people, with a Russian full name (фамилия, имя, отчество). */

export const contactStatuses = ['active', 'inactive'] as const;
export const contactPhoneKinds = ['mobile', 'work', 'home', 'other'] as const;
export const contactEmailKinds = ['work', 'personal', 'other'] as const;
export const contactAddressKinds = ['work', 'postal', 'home', 'other'] as const;

const personName = trimmed(100);

const contactFields = {
  lastName: personName,
  firstName: personName.optional(),
  middleName: personName.optional(),
  birthDate: dateSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  accountId: recordIdSchema.optional(),
  jobTitle: trimmed(200).optional(),
  department: trimmed(200).optional(),
  phones: listOf(phoneEntry(contactPhoneKinds)).optional(),
  emails: listOf(emailEntry(contactEmailKinds)).optional(),
  addresses: listOf(addressEntry(contactAddressKinds)).optional(),
  socialLinks: listOf(z.strictObject({ network: trimmed(50), url: webUrlSchema(500) })).optional(),
  bio: trimmed(5000).optional(),
  family: trimmed(2000).optional(),
  interests: trimmed(2000).optional(),
  status: z.enum(contactStatuses).optional(),
  /** The person asked not to receive marketing email. */
  emailOptOut: z.boolean().optional(),
  ownerId: z.string().min(1).max(128).optional(),
  /** Custom field values by key, checked against the type's definitions by the service. */
  custom: customValuesInput,
};

export const createContactSchema = z.strictObject(contactFields);
export type CreateContactInput = z.infer<typeof createContactSchema>;

export const updateContactSchema = z.strictObject(updateShape(contactFields, ['lastName', 'ownerId'])).refine(changesSomething, nothingToChangeIssue);
export type UpdateContactInput = z.infer<typeof updateContactSchema>;

export type Contact = RecordBase & Omit<CreateContactInput, 'ownerId' | 'status'> & { status: (typeof contactStatuses)[number] };

/** Фамилия Имя Отчество, in Russian order. */
export const contactFullName = (c: Pick<Contact, 'lastName' | 'firstName' | 'middleName'>): string =>
  [c.lastName, c.firstName, c.middleName].filter(Boolean).join(' ');

export const contactKind: RecordKind<Contact> = {
  type: 'contact',
  label: 'Contact',
  tracked: ['lastName', 'firstName', 'middleName', 'birthDate', 'timeZone', 'accountId', 'jobTitle', 'department', 'phones', 'emails', 'addresses', 'socialLinks', 'bio', 'family', 'interests', 'status', 'emailOptOut', 'ownerId', 'custom'],
  status: (contact) => contact.status,
  parent: { types: ['account'], of: (contact) => (contact.accountId ? { type: 'account', id: contact.accountId } : undefined), relink: (to) => ({ accountId: to?.id }) },
  references: [refersTo('accountId', 'account')],
  search: (contact) => ({
    title: contactFullName(contact),
    ...(contact.jobTitle || contact.emails?.[0] ? { subtitle: [contact.jobTitle, contact.emails?.[0]?.address].filter(Boolean).join(' · ') } : {}),
    terms: {
      names: [contact.lastName, contact.firstName, contact.middleName],
      emails: contact.emails?.map((e) => e.address),
      phones: contact.phones?.map((p) => p.number),
    },
  }),
  match: (contact) => ({ emails: contact.emails?.map((e) => e.address), phones: contact.phones?.map((p) => p.number), names: [contactFullName(contact)] }),
};
