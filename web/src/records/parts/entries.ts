import type { AddressLike } from '../shared/format';
import { rowKey, textOrUndefined } from '../form/record-form';

/**
 * The repeated contact details as the form holds them (rows of strings, each with a React key)
 * and as the API takes them. Blank rows are dropped before a submit (`withoutBlankRows`), so an
 * issue at `phones.1.number` names the second row on the screen.
 */
export type PhoneRow = { key: string; kind: string; number: string };
export type EmailRow = { key: string; kind: string; address: string };
export type AddressRow = { key: string; kind: string; line: string; city: string; region: string; postalCode: string; country: string };
export type LinkRow = { key: string; network: string; url: string };
export type AnyRow = { key: string } & Record<string, string>;

export const isBlankRow = (row: AnyRow, ignore: readonly string[] = ['key', 'kind']): boolean =>
  Object.entries(row).every(([field, value]) => ignore.includes(field) || value.trim() === '');

export const withoutBlankRows = <R extends AnyRow>(rows: R[]): R[] => rows.filter((row) => !isBlankRow(row));

/** Phones are edited as the user typed them (`typed`); the API stores E.164 beside it. */
export const phoneRows = (entries: readonly { kind: string; number: string; typed?: string }[] | undefined): PhoneRow[] =>
  (entries ?? []).map((e) => ({ key: rowKey(), kind: e.kind, number: e.typed ?? e.number }));
export const emailRows = (entries: readonly { kind: string; address: string }[] | undefined): EmailRow[] =>
  (entries ?? []).map((e) => ({ key: rowKey(), kind: e.kind, address: e.address }));
export const addressRows = (entries: readonly (AddressLike & { kind: string })[] | undefined): AddressRow[] =>
  (entries ?? []).map((e) => ({ key: rowKey(), kind: e.kind, line: e.line, city: e.city ?? '', region: e.region ?? '', postalCode: e.postalCode ?? '', country: e.country ?? '' }));
export const linkRows = (entries: readonly { network: string; url: string }[] | undefined): LinkRow[] =>
  (entries ?? []).map((e) => ({ key: rowKey(), network: e.network, url: e.url }));

const listOrUndefined = <T>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

export const phonesOf = (rows: PhoneRow[]) => listOrUndefined(withoutBlankRows(rows).map((r) => ({ kind: r.kind, number: r.number.trim() })));
export const emailsOf = (rows: EmailRow[]) => listOrUndefined(withoutBlankRows(rows).map((r) => ({ kind: r.kind, address: r.address.trim() })));
export const linksOf = (rows: LinkRow[]) => listOrUndefined(withoutBlankRows(rows).map((r) => ({ network: r.network.trim(), url: r.url.trim() })));
export const addressesOf = (rows: AddressRow[]) =>
  listOrUndefined(
    withoutBlankRows(rows).map((r) => {
      const out: AddressLike & { kind: string } = { kind: r.kind, line: r.line.trim() };
      const city = textOrUndefined(r.city);
      const region = textOrUndefined(r.region);
      const postalCode = textOrUndefined(r.postalCode);
      const country = textOrUndefined(r.country);
      if (city) out.city = city;
      if (region) out.region = region;
      if (postalCode) out.postalCode = postalCode;
      if (country) out.country = country;
      return out;
    }),
  );

/** The form keys of a list's rows, for placing issues: `phones.0`, `phones.0.number`, … */
export function rowKeys(name: string, rows: readonly AnyRow[]): string[] {
  return rows.flatMap((row, i) => [`${name}.${i}`, ...Object.keys(row).filter((f) => f !== 'key').map((f) => `${name}.${i}.${f}`)]);
}
