import * as z from 'zod';
import { emailSchema, phoneSchema, trimmed } from '../common/values';

/** Repeated contact details of accounts and contacts: several phones, emails, addresses, each of a kind. */

export const phoneEntry = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({ kind: z.enum(kinds), number: phoneSchema });

export const emailEntry = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({ kind: z.enum(kinds), address: emailSchema });

export const addressEntry = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z.strictObject({
    kind: z.enum(kinds),
    line: trimmed(300),
    city: trimmed(100).optional(),
    region: trimmed(100).optional(),
    postalCode: z.string().trim().regex(/^[A-Za-z0-9 -]{3,12}$/, 'a postal code').optional(),
    country: trimmed(100).optional(),
  });

/** Up to `max` entries; an update sends the whole list. */
export const listOf = <S extends z.ZodType>(entry: S, max = 10) => z.array(entry).max(max);

/** For updates: a field may be sent as `null` to clear it. */
export const clearable = <S extends z.ZodType>(schema: S) => schema.nullable().optional();

/** Makes every field of a create shape clearable for the matching update. */
export function patchShape<Shape extends z.ZodRawShape>(shape: Shape) {
  const entries = Object.entries(shape).map(([key, schema]) => [key, clearable(schema instanceof z.ZodOptional ? (schema.unwrap() as unknown as z.ZodType) : (schema as z.ZodType))]);
  return Object.fromEntries(entries) as unknown as {
    [K in keyof Shape]: z.ZodOptional<z.ZodNullable<Shape[K] extends z.ZodOptional<infer I> ? I : Shape[K]>>;
  };
}
