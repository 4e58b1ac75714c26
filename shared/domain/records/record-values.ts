import * as z from 'zod';
import { normalisePhone } from '../common/phone';
import { emailSchema, phoneTextSchema, trimmed } from '../common/values';

/** Repeated contact details of accounts and contacts: several phones, emails, addresses, each of a kind. */

/**
 * A phone stored in E.164, with what the user typed kept for display (`typed`) when it differs.
 * An entry sent back as it was read keeps its `typed`; a number typed anew replaces it.
 */
export const phoneEntry = <K extends readonly [string, ...string[]]>(kinds: K) =>
  z
    .strictObject({ kind: z.enum(kinds), number: phoneTextSchema, typed: phoneTextSchema.optional() })
    // Kept only beside the stored number it shows; beside a number typed anew it is replaced.
    .refine((e) => e.typed === undefined || e.number.trim() !== normalisePhone(e.number) || normalisePhone(e.typed) === e.number.trim(), {
      message: 'the typed form of another number',
      path: ['typed'],
    })
    .transform(({ kind, number, typed }) => {
      const stored = normalisePhone(number);
      const shown = number.trim() !== stored ? number.trim() : typed?.trim();
      return { kind, number: stored, ...(shown && shown !== stored ? { typed: shown } : {}) };
    });

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

type Unoptional<S> = S extends z.ZodOptional<infer I> ? I : S;
const unwrap = (schema: unknown): z.ZodType => (schema instanceof z.ZodOptional ? (schema.unwrap() as unknown as z.ZodType) : (schema as z.ZodType));

/**
 * The shape of a record type's update from its create shape: the version read, then every field
 * optional and clearable with `null`, except the `kept` ones (sent or left out, never cleared:
 * a name, the owner) and the `fixed` ones, which an update may not send at all.
 */
export function updateShape<Shape extends z.ZodRawShape, K extends keyof Shape & string, F extends keyof Shape & string = never>(
  shape: Shape,
  kept: readonly K[],
  fixed: readonly F[] = [],
) {
  const out: Record<string, z.ZodType> = { version: z.number().int().positive() };
  for (const [key, schema] of Object.entries(shape)) {
    out[key] = (fixed as readonly string[]).includes(key) ? z.never().optional() : (kept as readonly string[]).includes(key) ? unwrap(schema).optional() : clearable(unwrap(schema));
  }
  return out as unknown as { version: z.ZodNumber } & {
    [P in Exclude<keyof Shape, K | F>]: z.ZodOptional<z.ZodNullable<Unoptional<Shape[P]>>>;
  } & { [P in K]: z.ZodOptional<Unoptional<Shape[P]>> } & { [P in F]: z.ZodOptional<z.ZodNever> };
}

/** An update must change something besides naming its version. */
export const changesSomething = (patch: object): boolean => Object.keys(patch).length > 1;
export const nothingToChangeIssue = { message: 'nothing to change', path: ['version'] };
