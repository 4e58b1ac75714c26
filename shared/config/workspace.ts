import { asLocale } from '../i18n/locale';
import type { Workspace } from '../notifications/account-emails';
import { env, envOr } from './runtime-env';

/** The client's CRM as its emails name it: company, address and language. */
export const workspace = (): Workspace => ({ company: envOr('displayName', 'CRM'), appUrl: env('appUrl'), locale: asLocale(envOr('locale', 'ru')) });
