// Writes shared/domain/common/phone-metadata.json: libphonenumber-js's "max" metadata (which tells
// mobile from fixed line) cut down to the countries in phone-metadata-countries.ts and without display
// formats, so bundles stay small.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const root = new URL('..', import.meta.url);
const require = createRequire(import.meta.url);

export function phoneMetadata(countries) {
  const max = require('libphonenumber-js/metadata.max.json');
  const callingCodes = {};
  for (const [code, list] of Object.entries(max.country_calling_codes)) {
    const kept = list.filter((country) => countries.includes(country));
    if (kept.length) callingCodes[code] = kept;
  }
  // Without the display formats (index 4): the CRM stores E.164 and tells types, it does not format; 15 KB less.
  const withoutFormats = (entry) => entry.map((part, i) => (i === 4 ? [] : part));
  return { version: max.version, country_calling_codes: callingCodes, countries: Object.fromEntries(countries.map((c) => [c, withoutFormats(max.countries[c])])), nonGeographic: {} };
}

export function listedCountries() {
  const source = readFileSync(new URL('shared/domain/common/phone-metadata-countries.ts', root), 'utf8');
  return [...source.slice(source.indexOf('[')).matchAll(/'([A-Z]{2})'/g)].map((m) => m[1]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(new URL('shared/domain/common/phone-metadata.json', root), `${JSON.stringify(phoneMetadata(listedCountries()))}\n`);
}
