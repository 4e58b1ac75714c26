import type { Locale } from '@shared/i18n/locale';

/** A calendar date (`YYYY-MM-DD`) as written in the language, without time-zone shifts. */
export function formatDay(iso: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return locale === 'ru' ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/** Phone for a `tel:` link: digits and a leading plus. */
export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

export interface AddressLike {
  line: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** An address on one line: index, country, region, city, street (the Russian order is the postal one). */
export const addressText = (a: AddressLike): string => [a.postalCode, a.country, a.region, a.city, a.line].filter(Boolean).join(', ');

export const isMoney = (value: unknown): value is { amount: number; currency: string } =>
  typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'number' && typeof (value as { currency?: unknown }).currency === 'string';
