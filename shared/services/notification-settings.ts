import { env, envOr } from '../config/runtime-env';
import { asLocale, type Locale } from '../i18n/locale';

/** What every email to a user is written with: the app's address, the client's language and time zone. */
export interface NotificationSettings {
  appUrl: string;
  locale: Locale;
  timeZone: string;
}

export const notificationSettings = (): NotificationSettings => ({
  appUrl: env('appUrl'),
  locale: asLocale(envOr('locale', '')),
  timeZone: envOr('timeZone', 'UTC'),
});
