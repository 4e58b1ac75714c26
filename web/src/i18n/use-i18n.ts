import { createContext, useContext } from 'react';
import type { Locale } from '@shared/i18n/locale';
import type { Formatters } from './formatters';
import type { Messages } from './messages';

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Messages;
  format: Formatters;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs <I18nProvider>');
  return i18n;
}
