export const locales = ['ru', 'en'] as const;
export type Locale = (typeof locales)[number];
export const asLocale = (value: string | undefined): Locale => (value === 'en' ? 'en' : 'ru');
