import * as z from 'zod';
import { webUrlSchema } from '../common/values';

/**
 * A web-to-lead form (MKT-1): where it may be posted from, how its fields map onto a lead, where
 * the visitor goes afterwards, and what consent it must carry.
 */

/** Lead fields a form field can fill. */
export const mappableLeadFields = [
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'company',
  'jobTitle',
  'email',
  'phone',
  'topic',
  'message',
  'budget',
] as const;
export type MappableLeadField = (typeof mappableLeadFields)[number];

const formIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes, 2 to 63 characters');

const fieldNameSchema = z.string().regex(/^[A-Za-z0-9_.[\]-]{1,64}$/, 'a form field name such as "email" or "your-name"');

export const formSettingsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** Origins (scheme://host[:port]) whose pages may post; empty = the client's default list. */
  allowedOrigins: z.array(webUrlSchema(2000).transform((u) => new URL(u).origin)).max(50).default([]),
  /** Posted field name → lead field. Unmapped fields are kept as extra data on the submission. */
  fieldMapping: z.record(fieldNameSchema, z.enum(mappableLeadFields)).default({
    name: 'fullName',
    email: 'email',
    phone: 'phone',
    company: 'company',
    message: 'message',
  }),
  /** Lead fields that must be present for a submission to be accepted. */
  requiredFields: z.array(z.enum(mappableLeadFields)).default(['email']),
  thankYouUrl: webUrlSchema(2000),
  /** When set, the posted field of this name must be truthy (a checked consent box). */
  consent: z
    .strictObject({
      field: fieldNameSchema,
      text: z.string().trim().min(1).max(2000),
    })
    .optional(),
  /** Hidden field real visitors leave empty; bots fill it. */
  honeypotField: fieldNameSchema.default('website_url'),
  /** Owners of captured leads, assigned in turn; empty = the form's creator. */
  ownerIds: z.array(z.string().min(1).max(128)).max(100).default([]),
  campaign: z.string().trim().min(1).max(200).optional(),
  /** Submissions accepted per visitor IP and minute before answering 429. */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).default(10),
  enabled: z.boolean().default(true),
});
export type FormSettings = z.infer<typeof formSettingsSchema>;

export const createFormSchema = formSettingsSchema.extend({ id: formIdSchema });
export type CreateFormInput = z.infer<typeof createFormSchema>;

export const updateFormSchema = formSettingsSchema.extend({ version: z.number().int().positive() });
export type UpdateFormInput = z.infer<typeof updateFormSchema>;

export type Form = FormSettings & {
  id: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  version: number;
};
