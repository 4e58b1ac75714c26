import { parsePhoneNumberFromString, type CountryCode, type MetadataJson, type PhoneNumber } from 'libphonenumber-js/core';
import metadataJson from './phone-metadata.json';

/**
 * Phone numbers (REC-11): stored in E.164 (`+79123456789`) however they were typed, so «8 (912)
 * 345-67-89» and «+7 912 345 67 89» are one number for search and for duplicate matching, and told
 * apart as mobile (a person's own line) or fixed line (an office switchboard many people share).
 * libphonenumber-js does the numbering plans, with the metadata of phone-metadata-countries.ts.
 */
const metadata = metadataJson as unknown as MetadataJson;

/**
 * The region a number without its country code is read in: the workspace's country. Every
 * workspace is Russian today (CLIENT_LOCALE `ru`), so Russia; a number typed as «8 912 …» is +7.
 */
export const defaultPhoneRegion: CountryCode = 'RU';

/** mobile: a person's own; fixed: a line that may be an office's; unknown: a plan the CRM does not know, or an impossible number. */
export type PhoneLine = 'mobile' | 'fixed' | 'unknown';

function parse(text: string, region: CountryCode): PhoneNumber | undefined {
  try {
    const parsed = parsePhoneNumberFromString(text, region, metadata);
    return parsed?.isPossible() ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The number in E.164 when its country's plan says it can be one; undefined otherwise (kept as typed then). */
export function toE164(text: string, region: CountryCode = defaultPhoneRegion): string | undefined {
  return parse(text, region)?.number;
}

/** The number as stored: E.164 when possible, else as typed (trimmed). */
export const normalisePhone = (text: string, region: CountryCode = defaultPhoneRegion): string => toE164(text, region) ?? text.trim();

/**
 * Mobile or fixed line. Where the plan cannot tell (the US and Canada share ranges), it counts as
 * mobile: a number that may be someone's own is not taken for a switchboard.
 */
export function phoneLine(text: string, region: CountryCode = defaultPhoneRegion): PhoneLine {
  const parsed = parse(text, region);
  if (!parsed?.isValid()) return 'unknown';
  switch (parsed.getType()) {
    case 'MOBILE':
    case 'FIXED_LINE_OR_MOBILE':
    case 'PERSONAL_NUMBER':
    case 'PAGER':
      return 'mobile';
    default:
      return 'fixed';
  }
}

/**
 * The digits a number is found by: its E.164 digits, or for a number no plan knows, its digits
 * with Russia's habits undone (a leading 8 is +7, ten digits from 9 are a mobile without +7).
 */
export function phoneDigits(phone: string): string {
  const e164 = toE164(phone);
  if (e164) return e164.slice(1);
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('8')) return `7${digits.slice(1)}`;
  if (digits.length === 10 && digits.startsWith('9')) return `7${digits}`;
  return digits;
}
