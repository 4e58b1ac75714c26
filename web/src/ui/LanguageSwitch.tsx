import { asLocale, locales } from '@shared/i18n/locale';
import { useI18n } from '../i18n/use-i18n';
import { GlobeIcon } from './GlobeIcon';

/** Русский / English; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t.language.label}</span>
      <span className="lang-switch-icon">
        <GlobeIcon />
      </span>
      <select data-testid="lang-switch" value={locale} onChange={(event) => setLocale(asLocale(event.target.value))}>
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {t.language.names[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
