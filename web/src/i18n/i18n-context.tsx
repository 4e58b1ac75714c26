import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { asLocale, locales, type Locale } from '@shared/i18n/locale';
import { en } from './en';
import { createFormatters } from './formatters';
import { I18nContext, type I18n } from './use-i18n';
import { ru } from './ru';

const dictionaries = { ru, en };
const storageKey = 'crm.locale';

function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value && (locales as readonly string[]).includes(value) ? asLocale(value) : undefined;
  } catch {
    return undefined;
  }
}

/** The chosen language (remembered in localStorage, else the client's default) and its formatters. */
export function I18nProvider({ defaultLocale, timeZone, children }: { defaultLocale: Locale; timeZone: string; children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => storedLocale() ?? defaultLocale);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // Private mode without storage: the choice lasts for this page only.
    }
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(
    () => ({ locale, setLocale, t: dictionaries[locale], format: createFormatters(locale, timeZone) }),
    [locale, setLocale, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
