import { asLocale, type Locale } from '@shared/i18n/locale';

/**
 * The runtime configuration the hosting serves as /config.json (the local runtime, or the
 * stack's S3 bucket): where sign-in is and how the client company speaks, counts and tells time.
 */
export interface AppConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
  cognitoEndpoint: string;
  locale: Locale;
  currency: string;
  timeZone: string;
  displayName: string;
}

const requiredStrings = ['region', 'userPoolId', 'userPoolClientId', 'cognitoEndpoint'] as const;

export async function loadAppConfig(): Promise<AppConfig> {
  const response = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return parseAppConfig(await response.json());
}

export function parseAppConfig(raw: unknown): AppConfig {
  if (typeof raw !== 'object' || raw === null) throw new Error('/config.json is not an object');
  const value = raw as Record<string, unknown>;
  for (const key of requiredStrings) {
    if (typeof value[key] !== 'string' || value[key] === '') throw new Error(`/config.json lacks "${key}"`);
  }
  const text = (key: string, fallback: string): string => (typeof value[key] === 'string' && value[key] !== '' ? (value[key] as string) : fallback);
  return {
    region: value.region as string,
    userPoolId: value.userPoolId as string,
    userPoolClientId: value.userPoolClientId as string,
    cognitoEndpoint: value.cognitoEndpoint as string,
    locale: asLocale(text('locale', 'ru')),
    currency: text('currency', 'RUB'),
    timeZone: validTimeZone(text('timeZone', 'Europe/Moscow')),
    displayName: text('displayName', ''),
  };
}

function validTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  }
}
