import * as z from 'zod';

/** Value schemas every record type shares; the API and the web UI validate with these. */

/** A non-empty string after trimming, at most `max` characters. */
export const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const emailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** Digits with an optional leading +, 7–15 digits (E.164), formatting characters allowed on input: as typed. */
export const phoneTextSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[\d\s().-]{7,}$/, 'a phone number such as +7 912 345-67-89')
  .refine((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  }, 'a phone number with 7 to 15 digits');

/*
 * A phone is stored in E.164 however it was typed (shared/domain/common/phone.ts): a phone entry's
 * schema and the lead commands normalise it. Not here, where every bundle would carry the
 * numbering plans' metadata.
 */

export const currencies = ['RUB', 'KZT', 'USD', 'EUR'] as const;
export const moneySchema = z.strictObject({
  amount: z.number().nonnegative().max(1e12).multipleOf(0.01),
  currency: z.enum(currencies),
});
export type Money = z.infer<typeof moneySchema>;

/** A record id (ULID), as path parameters and references carry it. */
export const recordIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a record id');

/**
 * A web address people open: http or https only, so `javascript:`, `data:`, `file:` and the like
 * never reach a link in the app, an email or a redirect. Every URL field uses it.
 */
export const webUrlSchema = (max: number) =>
  z.string().trim().max(max).pipe(z.url({ protocol: /^https?$/, error: 'a web address starting with http:// or https://' }));

/** A calendar date without time, `YYYY-MM-DD`. */
export const dateSchema = z.iso.date();

/** An IANA time zone the platform knows, e.g. `Europe/Moscow`, `Asia/Almaty`. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Moscow');
