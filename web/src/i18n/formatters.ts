import type { Locale } from '@shared/i18n/locale';

/**
 * Dates, times and money in the chosen language, in the client company's time zone (from
 * /config.json), so that everyone in the company sees the same wall-clock times.
 */
export interface Formatters {
  /** Numeric, for dense tables: 23.11.2026 / 23/11/2026. */
  shortDate(iso: string): string;
  dateTime(iso: string): string;
  money(money: { amount: number; currency: string }): string;
  number(value: number): string;
}

const intlLocale: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };

export function createFormatters(locale: Locale, timeZone: string): Formatters {
  const tag = intlLocale[locale];
  const shortDate = new Intl.DateTimeFormat(tag, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const safe = (format: Intl.DateTimeFormat, iso: string): string => {
    const value = new Date(iso);
    return Number.isNaN(value.getTime()) ? iso : format.format(value);
  };
  return {
    shortDate: (iso) => safe(shortDate, iso),
    dateTime: (iso) => safe(dateTime, iso),
    number: (value) => number.format(value),
    money: ({ amount, currency }) => {
      // Whole amounts without kopecks; otherwise always two decimals (1 500 000,50 ₽).
      const fraction = Number.isInteger(amount) ? 0 : 2;
      const key = `${currency}:${fraction}`;
      let format = moneyFormats.get(key);
      if (!format) {
        try {
          format = new Intl.NumberFormat(tag, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', minimumFractionDigits: fraction, maximumFractionDigits: 2 });
        } catch {
          return `${number.format(amount)} ${currency}`;
        }
        moneyFormats.set(key, format);
      }
      return format.format(amount);
    },
  };
}
