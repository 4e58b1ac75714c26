/**
 * The countries whose numbering plans the CRM knows (E.164 and mobile vs fixed line): the CIS,
 * the Baltics and the usual trading partners. The whole of libphonenumber's metadata would add
 * ~190 KB to every function and the web app; these ~30, without display formats (the CRM does
 * not format), about 60 KB with the library. A number of another country stays as typed (its
 * digits still match) and counts as a weak match key.
 * `node scripts/phone-metadata.mjs` regenerates phone-metadata.json from the installed library.
 */
export const phoneCountries = [
  'RU', 'KZ', 'BY', 'UA', 'UZ', 'KG', 'TJ', 'TM', 'AM', 'AZ', 'GE', 'MD', 'EE', 'LV', 'LT',
  'US', 'CA', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'PL', 'FI', 'TR', 'CN', 'AE', 'IL', 'IN',
] as const;
