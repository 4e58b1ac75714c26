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

/**
 * Names a plain object already answers to (`constructor`, `toString`, `__proto__`…) and `prototype`:
 * never a field's key, so values kept under `custom.<key>` stay plain data wherever they are read.
 */
const reservedKeys = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

export const customFieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'a key such as segment or contractNumber')
  .refine((key) => !reservedKeys.has(key), 'a reserved name; choose another key');

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

/**
 * What the API accepts under `custom` before the definitions are known; values are checked by
 * `customValuesSchema`. The keys are checked on the object as posted: a record schema would
 * drop an own `__proto__` (JSON.parse makes one) without a word, and every key must be named.
 */
export const customValuesInput = z
  .custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'an object of custom field keys to values')
  .superRefine((value, ctx) => {
    const unknown = Object.keys(value).filter((key) => !customFieldKey.safeParse(key).success);
    if (unknown.length) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, message: 'no such custom field' });
  })
  .optional();

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
