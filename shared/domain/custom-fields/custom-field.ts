import * as z from 'zod';
import { currencies, dateSchema, trimmed } from '../common/values';

/**
 * Custom fields (REC-9): admins add fields to leads, accounts, contacts and deals. A record keeps
 * their values under `custom.<key>`; the definitions say how each is validated, shown and filtered.
 */
export const customFieldTypes = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'boolean'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];
export const customizableTypes = ['lead', 'account', 'contact', 'deal'] as const;
export type CustomizableType = (typeof customizableTypes)[number];

export const customFieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a key such as segment or contractNumber');

const optionSchema = z.strictObject({ value: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an option value such as enterprise'), label: trimmed(100) });

export const customFieldSchema = z
  .strictObject({
    key: customFieldKey,
    label: trimmed(100),
    type: z.enum(customFieldTypes),
    options: z.array(optionSchema).min(1).max(100).optional(),
    required: z.boolean().default(false),
    /** Shown as a column in lists by default. */
    inList: z.boolean().default(false),
  })
  .superRefine((field, ctx) => {
    const choice = field.type === 'select' || field.type === 'multiselect';
    if (choice && !field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a select field needs options' });
    if (!choice && field.options) ctx.addIssue({ code: 'custom', path: ['options'], message: 'only select fields have options' });
    const values = field.options?.map((o) => o.value) ?? [];
    values.forEach((v, i) => values.indexOf(v) !== i && ctx.addIssue({ code: 'custom', path: ['options', i, 'value'], message: 'option values must be unique' }));
  });
export type CustomField = z.infer<typeof customFieldSchema>;

/** A type's definitions as an admin saves them, with the version read. */
export const customFieldSetSchema = z
  .strictObject({ fields: z.array(customFieldSchema).max(100), version: z.number().int().nonnegative() })
  .superRefine((set, ctx) => {
    const keys = set.fields.map((f) => f.key);
    keys.forEach((k, i) => keys.indexOf(k) !== i && ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: 'keys must be unique' }));
  });

export type CustomValues = Record<string, unknown>;

/** What the API accepts under `custom` before the definitions are known; values are checked by `customValuesSchema`. */
export const customValuesInput = z.record(customFieldKey, z.unknown()).optional();

function valueSchema(field: CustomField): z.ZodType {
  switch (field.type) {
    case 'text':
      return trimmed(2000);
    case 'number':
      return z.number().finite();
    case 'money':
      return z.strictObject({ amount: z.number().nonnegative().max(1e12).multipleOf(0.01), currency: z.enum(currencies) });
    case 'date':
      return dateSchema;
    case 'boolean':
      return z.boolean();
    case 'select':
      return z.enum(field.options!.map((o) => o.value) as [string, ...string[]]);
    case 'multiselect':
      return z.array(z.enum(field.options!.map((o) => o.value) as [string, ...string[]])).max(100);
  }
}

/**
 * The schema of a record's custom values under the current definitions: unknown keys refused,
 * required ones demanded (on create, or when `partial` is false), `null` clearing a value on update.
 */
export function customValuesSchema(fields: readonly CustomField[], partial: boolean) {
  return z.strictObject(
    Object.fromEntries(
      fields.map((field) => {
        const schema = valueSchema(field);
        return [field.key, partial ? schema.nullable().optional() : field.required ? schema : schema.optional()];
      }),
    ),
  );
}

/** A list filter on a custom field: the value as the query string carries it, typed by its field. */
export function customFilterValue(field: CustomField, raw: string): unknown {
  switch (field.type) {
    case 'number':
      return Number(raw);
    case 'boolean':
      return raw === 'true';
    case 'money':
      return undefined;
    default:
      return raw;
  }
}
