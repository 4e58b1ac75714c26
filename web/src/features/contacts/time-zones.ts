import type { Locale } from '@shared/i18n/locale';

/**
 * The time zones a contact can be in: Russia's first (west to east), then Kazakhstan's, then
 * every other zone the browser knows, each with its current UTC offset.
 */
const russia: [zone: string, ru: string, en: string][] = [
  ['Europe/Kaliningrad', 'Калининград', 'Kaliningrad'],
  ['Europe/Moscow', 'Москва', 'Moscow'],
  ['Europe/Simferopol', 'Симферополь', 'Simferopol'],
  ['Europe/Kirov', 'Киров', 'Kirov'],
  ['Europe/Volgograd', 'Волгоград', 'Volgograd'],
  ['Europe/Astrakhan', 'Астрахань', 'Astrakhan'],
  ['Europe/Saratov', 'Саратов', 'Saratov'],
  ['Europe/Ulyanovsk', 'Ульяновск', 'Ulyanovsk'],
  ['Europe/Samara', 'Самара', 'Samara'],
  ['Asia/Yekaterinburg', 'Екатеринбург', 'Yekaterinburg'],
  ['Asia/Omsk', 'Омск', 'Omsk'],
  ['Asia/Novosibirsk', 'Новосибирск', 'Novosibirsk'],
  ['Asia/Barnaul', 'Барнаул', 'Barnaul'],
  ['Asia/Tomsk', 'Томск', 'Tomsk'],
  ['Asia/Novokuznetsk', 'Новокузнецк', 'Novokuznetsk'],
  ['Asia/Krasnoyarsk', 'Красноярск', 'Krasnoyarsk'],
  ['Asia/Irkutsk', 'Иркутск', 'Irkutsk'],
  ['Asia/Chita', 'Чита', 'Chita'],
  ['Asia/Yakutsk', 'Якутск', 'Yakutsk'],
  ['Asia/Khandyga', 'Хандыга', 'Khandyga'],
  ['Asia/Vladivostok', 'Владивосток', 'Vladivostok'],
  ['Asia/Ust-Nera', 'Усть-Нера', 'Ust-Nera'],
  ['Asia/Magadan', 'Магадан', 'Magadan'],
  ['Asia/Sakhalin', 'Сахалин', 'Sakhalin'],
  ['Asia/Srednekolymsk', 'Среднеколымск', 'Srednekolymsk'],
  ['Asia/Kamchatka', 'Петропавловск-Камчатский', 'Petropavlovsk-Kamchatsky'],
  ['Asia/Anadyr', 'Анадырь', 'Anadyr'],
];

const kazakhstan: [zone: string, ru: string, en: string][] = [
  ['Asia/Almaty', 'Алматы, Астана', 'Almaty, Astana'],
  ['Asia/Qostanay', 'Костанай', 'Kostanay'],
  ['Asia/Qyzylorda', 'Кызылорда', 'Kyzylorda'],
  ['Asia/Aqtobe', 'Актобе', 'Aktobe'],
  ['Asia/Aqtau', 'Актау', 'Aktau'],
  ['Asia/Atyrau', 'Атырау', 'Atyrau'],
  ['Asia/Oral', 'Уральск', 'Oral'],
];

export interface ZoneOption {
  zone: string;
  label: string;
}

export interface ZoneGroups {
  russia: ZoneOption[];
  kazakhstan: ZoneOption[];
  other: ZoneOption[];
}

/** "UTC+3" for the zone now; empty if the platform does not know it. */
export function utcOffset(zone: string): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part ? part.value.replace('GMT', 'UTC').replace(/^UTC$/, 'UTC+0') : '';
  } catch {
    return '';
  }
}

const known = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export function zoneGroups(locale: Locale): ZoneGroups {
  const named = (list: [string, string, string][]) =>
    list.filter(([zone]) => known(zone)).map(([zone, ru, en]) => ({ zone, label: `${locale === 'ru' ? ru : en} (${utcOffset(zone)})` }));
  const listed = new Set([...russia, ...kazakhstan].map(([zone]) => zone));
  const all: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return {
    russia: named(russia),
    kazakhstan: named(kazakhstan),
    other: all.filter((zone) => !listed.has(zone)).map((zone) => ({ zone, label: `${zone.replace(/_/g, ' ')} (${utcOffset(zone)})` })),
  };
}

/** The zone as the contact's page names it. */
export function zoneLabel(zone: string, locale: Locale): string {
  const entry = [...russia, ...kazakhstan].find(([z]) => z === zone);
  const name = entry ? (locale === 'ru' ? entry[1] : entry[2]) : zone.replace(/_/g, ' ');
  const offset = utcOffset(zone);
  return offset ? `${name} (${offset})` : name;
}

/** The wall-clock time now in the zone, e.g. "14:05". */
export function timeIn(zone: string, locale: Locale): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date());
  } catch {
    return undefined;
  }
}
