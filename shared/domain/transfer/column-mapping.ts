import * as z from 'zod';
import type { ImportField } from './import-fields';
import { normaliseHeader } from './normalise-header';

/**
 * Which field each column of an imported file fills (REC-11): suggested from the headers, then
 * corrected by a person on the mapping screen.
 */

/** Per column index: the key of the field it fills, or null to ignore the column. */
export type ColumnMapping = (string | null)[];

const words = (s: string) => (s ? s.split(' ') : []);

/** True when `inner`'s words appear in a row within `outer`'s words. */
function containsWords(outer: string[], inner: string[]): boolean {
  if (!inner.length || inner.length > outer.length) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) {
    if (inner.every((w, j) => outer[i + j] === w)) return true;
  }
  return false;
}

/** The names a field is known by: its synonyms, its labels and its key, normalised. */
function namesOf(field: ImportField): string[] {
  return [...new Set([...field.synonyms, field.label.en, field.label.ru, field.key].map(normaliseHeader).filter(Boolean))];
}

/**
 * Words that make a header about something else than the field its other words name: "Contact
 * ID" is not the contact's name, "Marketing contact status" and "Кем создан контакт" neither.
 */
const vetoWords = new Set([
  ...['id', 'ids', 'owner', 'created', 'create', 'modified', 'updated', 'status', 'stage', 'type', 'score'],
  ...['кем', 'ответственный', 'ответственного', 'создания', 'редактирования', 'изменения', 'статус', 'этап', 'тип'],
]);

/** How well a header fits a field by containment: the length of the longest of its names the header contains, 0 for none. */
function fuzzyScore(header: string, names: string[]): number {
  const h = words(header);
  let best = 0;
  for (const name of names) {
    const n = words(name);
    if (!containsWords(h, n) || h.some((w) => vetoWords.has(w) && !n.includes(w))) continue;
    best = Math.max(best, name.length);
  }
  return best;
}

/**
 * Suggests a field for each column: first every exact match of a normalised header with a
 * field's name, then, for the columns and fields left, the best containment match ("Рабочий
 * телефон (контакт)" contains "рабочий телефон"; the longest name wins, stronger matches choose
 * first; fields marked `fuzzy: false` only match exactly). A field is given to one column at most; a column
 * with no match is left null (ignored).
 */
export function suggestMapping(headers: string[], fields: ImportField[]): ColumnMapping {
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<string>();
  const normalised = headers.map(normaliseHeader);
  const names = new Map(fields.map((f) => [f.key, namesOf(f)]));

  normalised.forEach((header, column) => {
    if (!header) return;
    const field = fields.find((f) => !taken.has(f.key) && names.get(f.key)!.includes(header));
    if (field) {
      mapping[column] = field.key;
      taken.add(field.key);
    }
  });

  const candidates: { column: number; key: string; score: number }[] = [];
  normalised.forEach((header, column) => {
    if (!header || mapping[column] !== null) return;
    for (const field of fields) {
      if (field.fuzzy === false || taken.has(field.key)) continue;
      const score = fuzzyScore(header, names.get(field.key)!);
      if (score > 0) candidates.push({ column, key: field.key, score });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const { column, key } of candidates) {
    if (mapping[column] !== null || taken.has(key)) continue;
    mapping[column] = key;
    taken.add(key);
  }
  return mapping;
}

export type ImportSource = 'hubspot' | 'salesforce' | 'amocrm' | 'bitrix24' | 'generic';

/**
 * Headers characteristic of each product's export, with a weight: 2 for one no other product
 * (or hand-made file) has, 1 for one that only hints.
 */
const sourceMarks: Record<Exclude<ImportSource, 'generic'>, Record<string, number>> = {
  hubspot: {
    'record id': 2,
    'contact owner': 1,
    'company owner': 1,
    'deal owner': 1,
    'lifecycle stage': 2,
    'lead status': 1,
    'create date': 1,
    'last activity date': 1,
    'associated company': 2,
    'mobile phone number': 2,
    'phone number': 1,
    'marketing contact status': 2,
    'original source': 2,
    'company domain name': 2,
    'state region': 1,
    'country region': 1,
  },
  salesforce: {
    'contact id': 2,
    'account id': 2,
    'lead id': 2,
    'opportunity id': 2,
    'account name': 1,
    'mailing street': 2,
    'mailing city': 2,
    'mailing state province': 2,
    'mailing zip postal code': 2,
    'mailing country': 2,
    'billing street': 2,
    'salutation': 1,
    'contact owner': 1,
    'account owner': 1,
    'created date': 1,
    'lead source': 1,
    'email opt out': 1,
  },
  amocrm: {
    'основной контакт': 2,
    'ответственный': 1,
    'рабочий телефон': 1,
    'мобильный телефон': 1,
    'рабочий прямой телефон': 2,
    'рабочий email': 2,
    'личный email': 2,
    'другой email': 2,
    'кем создан': 2,
    'кем создан контакт': 2,
    'кем создана сделка': 2,
    'дата создания контакта': 1,
    'дата создания сделки': 1,
    'ответственный за контакт': 2,
    'дата создания': 1,
    'теги': 1,
    'полное имя контакта': 2,
    'компания контакта': 2,
    'этап сделки': 1,
  },
  bitrix24: {
    'частный email': 2,
    'доступен для всех': 2,
    'участвует в экспорте контактов': 2,
    'участвует в экспорте компаний': 2,
    'обращение': 1,
    'дата изменения': 1,
    'рабочий телефон': 1,
    'мобильный телефон': 1,
    'домашний телефон': 1,
    'ответственный': 1,
  },
};

/**
 * Which product the file was exported from, by its headers: the product whose characteristic
 * headers weigh most, if they weigh at least 2 and more than any other's; otherwise generic.
 */
export function detectSource(headers: string[]): ImportSource {
  const present = new Set(headers.map(normaliseHeader));
  const scores = (Object.keys(sourceMarks) as Exclude<ImportSource, 'generic'>[]).map((source) => ({
    source,
    score: Object.entries(sourceMarks[source]).reduce((sum, [header, weight]) => sum + (present.has(header) ? weight : 0), 0),
  }));
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  return best && best.score >= 2 && best.score > (second?.score ?? 0) ? best.source : 'generic';
}

/** A mapping as the client sends it: a field key or null per column, no field twice. */
export const mappingSchema = z
  .array(z.string().trim().min(1).max(120).nullable())
  .max(200)
  .superRefine((mapping, ctx) => {
    const seen = new Set<string>();
    mapping.forEach((key, i) => {
      if (key === null) return;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `field ${key} is mapped to more than one column` });
      seen.add(key);
    });
  });
