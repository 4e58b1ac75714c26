import type * as z from 'zod';
import { accountStatuses, createAccountSchema, type accountAddressKinds } from '../accounts/account';
import { currencies, type Money } from '../common/values';
import { contactStatuses, createContactSchema, type contactAddressKinds } from '../contacts/contact';
import { customValuesSchema, type CustomField } from '../custom-fields/custom-field';
import { createDealSchema } from '../deals/deal';
import { splitFullName } from '../forms/person-name';
import { normalisePhone, phoneDigits } from '../common/phone';
import { createLeadSchema } from '../leads/lead';
import { leadChannels, qualifications } from '../leads/lead-process';
import type { ColumnMapping } from './column-mapping';
import { normaliseHeader } from './normalise-header';
import { customCurrencyKey, importFieldsOf, typesWithCustomValues, type ImportableType } from './import-fields';

/**
 * One row of an imported file as the input of its type's create operation (REC-11): cells
 * converted (names split, phones and emails as list entries of a kind, dates, numbers, yes/no,
 * money), the names of linked records set aside for the import service to resolve, and every
 * problem reported by field and column, so the dry run can show what is wrong where.
 */
export interface RowIssue {
  column?: number;
  field: string;
  message: string;
}

export interface RowLinks {
  accountName?: string;
  ownerEmail?: string;
  contactEmail?: string;
  pipelineName?: string;
  stageName?: string;
}

export interface RowInput {
  input: Record<string, unknown>;
  links: RowLinks;
  issues: RowIssue[];
}

/** A custom field's definition as conversion needs it (a saved CustomField is one). */
export type CustomFieldDefinition = Pick<CustomField, 'key' | 'label' | 'type'> & Partial<Pick<CustomField, 'options' | 'required' | 'inList'>>;

const createSchemas: Record<ImportableType, z.ZodType> = {
  lead: createLeadSchema,
  account: createAccountSchema,
  contact: createContactSchema,
  deal: createDealSchema,
};

// ---------------------------------------------------------------------------------------------
// Cell conversions, each giving undefined for a cell it cannot read.

/**
 * A number as people write it: spaces, no-break spaces or apostrophes between thousands, a comma
 * or a dot as decimal mark. With both marks the last one is the decimal mark ("1,234.50",
 * "1.234,50"); a single comma is a decimal comma ("1234,5"); several of one mark group thousands.
 */
export function parseNumber(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0\u202f\u2009'’]/g, '');
  if (!s) return undefined;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const [decimal, thousands] = lastComma > lastDot ? [',', '.'] : ['.', ','];
    s = s.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    s = s.indexOf(',') === lastComma ? s.replace(',', '.') : s.replace(/,/g, '');
  } else if (lastDot >= 0 && s.indexOf('.') !== lastDot) {
    s = s.replace(/\./g, '');
  }
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` (a time after it ignored), `DD.MM.YYYY` (Russian) or `M/D/YYYY` (American), as `YYYY-MM-DD`; impossible dates refused. */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s.*)?$/.exec(s))) [m, d, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

const yes = new Set(['да', 'д', 'yes', 'y', 'true', '1', 'истина', 'вкл', 'on']);
const no = new Set(['нет', 'н', 'no', 'n', 'false', '0', 'ложь', 'выкл', 'off']);

/** да/нет, yes/no, true/false (and Russian Excel's ИСТИНА/ЛОЖЬ), 1/0. */
export function parseBoolean(text: string): boolean | undefined {
  const s = text.trim().toLowerCase();
  return yes.has(s) ? true : no.has(s) ? false : undefined;
}

type Currency = (typeof currencies)[number];

// \b is ASCII-only in JS regexps: Cyrillic words are bounded by look-arounds instead.
const notLetter = '(?![\\p{L}])';
const currencyMarks: [Currency, RegExp][] = [
  ['RUB', new RegExp(`₽|(?<!\\p{L})(?:RUB|RUR|руб(?:лей|ля|ль)?\\.?|р\\.?)${notLetter}`, 'giu')],
  ['USD', new RegExp(`\\$|(?<!\\p{L})(?:USD|долл(?:аров|ара|ар)?\\.?)${notLetter}`, 'giu')],
  ['EUR', new RegExp(`€|(?<!\\p{L})(?:EUR|евро)${notLetter}`, 'giu')],
  ['KZT', new RegExp(`₸|(?<!\\p{L})(?:KZT|тенге|тг\\.?)${notLetter}`, 'giu')],
];

/** The currency a text names (₽, руб., RUB, $, USD, €, ₸, тенге…), if any. */
export function parseCurrency(text: string): Currency | undefined {
  return currencyMarks.find(([, mark]) => new RegExp(mark.source, 'iu').test(text))?.[0];
}

/**
 * An amount of money: a number, perhaps with its currency in the cell ("1 500 000 ₽", "$1,200.50").
 * Without one, the currency column's, else roubles (the CRM's home currency).
 */
export function parseMoney(text: string, fallback: Currency = 'RUB'): Money | undefined {
  const currency = parseCurrency(text) ?? fallback;
  const amount = parseNumber(currencyMarks.reduce((s, [, mark]) => s.replace(mark, ''), text));
  return amount === undefined ? undefined : { amount, currency };
}

/** A site as typed ("example.ru", "www.example.ru/") with the https:// the schema wants. */
function parseWebsite(text: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text.replace(/^\/+/, '')}`;
}

/** Several phones or emails in one cell (amoCRM joins them with commas). */
const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);

/** An ИНН typed into Excel as a number loses its leading zero (regions 01–09): put it back when the checksum then holds. */
function innWithLeadingZero(text: string): string {
  const digits = text.replace(/[\s\u00a0-]/g, '');
  if (!/^\d+$/.test(digits)) return text;
  if ((digits.length === 9 || digits.length === 11) && innChecksumHolds(`0${digits}`)) return `0${digits}`;
  return digits;
}

function innChecksumHolds(inn: string): boolean {
  const d = [...inn].map(Number);
  const check = (weights: number[]) => (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11) % 10;
  if (d.length === 10) return check([2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[9];
  if (d.length === 12) return check([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[10] && check([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === d[11];
  return false;
}

/** Status and similar values by their own name or a common English/Russian word for them. */
const enumWords: Record<string, string[]> = {
  // contacts
  active: ['active', 'активный', 'активен', 'действующий'],
  inactive: ['inactive', 'неактивный', 'неактивен', 'не активен', 'недействующий'],
  // accounts
  prospect: ['prospect', 'potential', 'потенциальный', 'потенциальный клиент'],
  client: ['client', 'customer', 'клиент', 'покупатель', 'заказчик'],
  former: ['former', 'former client', 'former customer', 'бывший', 'бывший клиент'],
  // lead qualification
  hot: ['hot', 'горячий'],
  warm: ['warm', 'теплый'],
  cold: ['cold', 'холодный'],
  // lead channels
  website: ['website', 'web', 'site', 'сайт', 'веб сайт', 'форма на сайте'],
  event: ['event', 'trade show', 'мероприятие', 'выставка', 'конференция'],
  meeting: ['meeting', 'встреча'],
  referral: ['referral', 'recommendation', 'partner', 'рекомендация', 'партнер', 'по рекомендации'],
  phone: ['phone', 'call', 'cold call', 'phone inquiry', 'телефон', 'звонок', 'входящий звонок'],
  email: ['email', 'mail', 'почта', 'письмо', 'рассылка'],
  social: ['social', 'social media', 'соцсети', 'социальные сети'],
  import: ['import', 'импорт'],
  other: ['other', 'другое', 'прочее'],
};

function parseEnum<V extends string>(text: string, values: readonly V[]): V | undefined {
  const s = normaliseHeader(text);
  return values.find((v) => normaliseHeader(v) === s || (enumWords[v] ?? []).some((w) => normaliseHeader(w) === s));
}

// ---------------------------------------------------------------------------------------------
// Building the input

type Path = (string | number)[];

interface Cell {
  value: string;
  column: number;
}

class RowBuilder {
  readonly input: Record<string, unknown> = {};
  readonly links: RowLinks = {};
  readonly issues: RowIssue[] = [];
  /** Where each value put into the input came from, to name the field and column of a schema issue. */
  readonly origins: { path: Path; field: string; column: number }[] = [];
  /** Paths whose value could not be converted (already reported): schema issues about them are not repeated. */
  readonly failed: Path[] = [];

  constructor(
    readonly cells: Map<string, Cell>,
    /** The column of every mapped field, its cell empty or not. */
    readonly columns: Map<string, number>,
  ) {}

  cell(key: string): Cell | undefined {
    return this.cells.get(key);
  }

  put(path: Path, value: unknown, field: string, column: number): void {
    let target = this.input as Record<string | number, unknown>;
    for (let i = 0; i < path.length - 1; i++) {
      const step = path[i]!;
      target[step] ??= typeof path[i + 1] === 'number' ? [] : {};
      target = target[step] as Record<string | number, unknown>;
    }
    target[path[path.length - 1]!] = value;
    this.origins.push({ path, field, column });
  }

  problem(field: string, column: number | undefined, message: string, path?: Path): void {
    this.issues.push({ ...(column === undefined ? {} : { column }), field, message });
    if (path) this.failed.push(path);
  }

  /** A cell converted by `parse` into `path`, or reported as `message` when it cannot be. */
  convert<T>(key: string, path: Path, parse: (text: string) => T | undefined, message: string): void {
    const cell = this.cell(key);
    if (!cell) return;
    const value = parse(cell.value);
    if (value === undefined) this.problem(key, cell.column, `${message}: “${cell.value}”`, path);
    else this.put(path, value, key, cell.column);
  }

  text(key: string, path: Path = [key]): void {
    this.convert(key, path, (s) => s, '');
  }

  link(key: keyof RowLinks): void {
    const cell = this.cell(key);
    if (cell) this.links[key] = cell.value;
  }

  date(key: string, path: Path = [key]): void {
    this.convert(key, path, parseDate, 'not a date (expected DD.MM.YYYY, YYYY-MM-DD or M/D/YYYY)');
  }

  boolean(key: string, path: Path = [key]): void {
    this.convert(key, path, parseBoolean, 'not yes or no (да/нет, yes/no, true/false, 1/0)');
  }

  integer(key: string, path: Path = [key]): void {
    this.convert(key, path, (s) => {
      const n = parseNumber(s);
      return n !== undefined && Number.isInteger(n) ? n : undefined;
    }, 'not a whole number');
  }

  choice(key: string, values: readonly string[], path: Path = [key]): void {
    this.convert(key, path, (s) => parseEnum(s, values), `not one of ${values.join(', ')}`);
  }

  /** A money field, its currency from the cell, else from its currency column, else roubles. */
  money(key: string, path: Path = [key], currencyKey = 'currency'): void {
    const currencyCell = this.cell(currencyKey);
    let fallback: Currency = 'RUB';
    if (currencyCell) {
      const named = parseCurrency(currencyCell.value) ?? parseEnum(currencyCell.value, currencies);
      if (named) fallback = named;
      else this.problem(currencyKey, currencyCell.column, `not a currency (${currencies.join(', ')}): “${currencyCell.value}”`);
    }
    this.convert(key, path, (s) => parseMoney(s, fallback), 'not an amount of money');
  }

  /** Last, first and middle name from their own columns, the gaps filled from a Ф.И.О. column. */
  names(): void {
    for (const key of ['lastName', 'firstName', 'middleName'] as const) this.text(key);
    const full = this.cell('fullName');
    if (!full) return;
    const parts = splitFullName(full.value);
    for (const key of ['lastName', 'firstName', 'middleName'] as const) {
      const part = parts[key];
      if (part && this.input[key] === undefined) this.put([key], part, 'fullName', full.column);
    }
  }

  /** List entries of a kind (phones, emails) from several columns, one entry per distinct value (8 912… and +7 912… are one phone). */
  entries(listKey: 'phones' | 'emails', sources: [field: string, kind: string][]): void {
    const valueKey = listKey === 'phones' ? 'number' : 'address';
    const separators = listKey === 'phones' ? /[,;\n]+/ : /[,;\s]+/;
    const seen = new Set<string>();
    let index = 0;
    for (const [field, kind] of sources) {
      const cell = this.cell(field);
      if (!cell) continue;
      for (const value of splitList(cell.value, separators)) {
        const identity = listKey === 'phones' ? phoneDigits(value) || value : value.toLowerCase();
        if (seen.has(identity)) continue;
        seen.add(identity);
        // A phone as stored (E.164), and as the file wrote it for display (as the UI keeps it).
        const entry = listKey === 'phones' && normalisePhone(value) !== value ? { kind, number: normalisePhone(value), typed: value } : { kind, [valueKey]: value };
        this.put([listKey, index++], entry, field, cell.column);
      }
    }
  }

  /** The first of the values of the first of `fields` that has one (a lead has one phone, one email), as `normalise` makes it. */
  single(path: Path, fields: string[], separators: RegExp, normalise: (value: string) => string = (value) => value): void {
    for (const field of fields) {
      const cell = this.cell(field);
      const first = cell && splitList(cell.value, separators)[0];
      if (cell && first) return this.put(path, normalise(first), field, cell.column);
    }
  }

  private addresses = 0;

  /** The next address entry, from its parts when `parts`; without a street line the other parts make the line. */
  address(kind: string, lineKey: string, parts: boolean): void {
    const partKeys = parts ? (['postalCode', 'country', 'region', 'city'] as const) : [];
    const line = this.cell(lineKey);
    const present = partKeys.filter((k) => this.cell(k));
    if (!line && !present.length) return;
    const index = this.addresses++;
    const path = (k: string): Path => ['addresses', index, k];
    this.put(path('kind'), kind, line ? lineKey : present[0]!, (line ?? this.cell(present[0]!)!).column);
    for (const k of present) this.put(path(k), this.cell(k)!.value, k, this.cell(k)!.column);
    if (line) this.put(path('line'), line.value, lineKey, line.column);
    else {
      const text = present.map((k) => this.cell(k)!.value).join(', ');
      this.put(path('line'), text, present[0]!, this.cell(present[0]!)!.column);
    }
  }

  custom(definitions: readonly CustomFieldDefinition[]): void {
    const byKey = new Map(definitions.map((d) => [d.key, d]));
    for (const [field, cell] of this.cells) {
      if (!field.startsWith('custom.') || field.endsWith(':currency')) continue;
      const key = field.slice('custom.'.length);
      const definition = byKey.get(key);
      if (!definition) {
        this.problem(field, cell.column, 'no such custom field');
        continue;
      }
      const path: Path = ['custom', key];
      const options = definition.options ?? [];
      const option = (s: string) => options.find((o) => o.value === s || normaliseHeader(o.label) === normaliseHeader(s))?.value;
      switch (definition.type) {
        case 'text':
          this.text(field, path);
          break;
        case 'number':
          this.convert(field, path, parseNumber, 'not a number');
          break;
        case 'money':
          // Its own currency column, else the row's, else roubles.
          this.money(field, path, this.cell(customCurrencyKey(key)) ? customCurrencyKey(key) : 'currency');
          break;
        case 'date':
          this.date(field, path);
          break;
        case 'boolean':
          this.boolean(field, path);
          break;
        case 'select':
          this.convert(field, path, option, `not one of ${options.map((o) => o.label).join(', ')}`);
          break;
        case 'multiselect':
          this.convert(
            field,
            path,
            (s) => {
              const values = splitList(s, /[,;|\n]+/).map(option);
              return values.every((v) => v !== undefined) ? [...new Set(values)] : undefined;
            },
            `not a list of ${options.map((o) => o.label).join(', ')}`,
          );
          break;
      }
    }
  }
}

const phoneSeparators = /[,;\n]+/;
const emailSeparators = /[,;\s]+/;

const build: Record<ImportableType, (b: RowBuilder) => void> = {
  lead: (b) => {
    b.names();
    for (const key of ['company', 'jobTitle', 'topic', 'message']) b.text(key);
    b.single(['email'], ['email'], emailSeparators);
    // As the file wrote it: the lead command stores it in E.164 and keeps this writing for display.
    b.single(['phone'], ['phone', 'mobilePhone'], phoneSeparators);
    b.money('budget');
    b.choice('qualification', qualifications);
    // Imported leads say so, unless the file names their channel.
    b.put(['source', 'channel'], 'import', 'leadSource', b.cell('leadSource')?.column ?? -1);
    b.choice('leadSource', leadChannels, ['source', 'channel']);
    b.link('ownerEmail');
  },
  account: (b) => {
    for (const key of ['name', 'legalName', 'industry', 'description']) b.text(key);
    b.convert('taxId', ['taxId'], innWithLeadingZero, '');
    b.convert('kpp', ['kpp'], (s) => s.replace(/\s/g, '').replace(/^(\d{8})$/, '0$1'), '');
    b.convert('website', ['website'], parseWebsite, '');
    b.single(['email'], ['email'], emailSeparators);
    b.entries('phones', [
      ['phone', 'work'],
      ['mobilePhone', 'mobile'],
      ['phone2', 'other'],
      ['fax', 'fax'],
    ]);
    b.address('office' satisfies (typeof accountAddressKinds)[number], 'address', true);
    b.address('legal', 'legalAddress', false);
    b.address('postal', 'postalAddress', false);
    b.address('shipping', 'shippingAddress', false);
    b.money('annualRevenue');
    b.integer('employees');
    b.choice('leadSource', leadChannels);
    b.choice('status', accountStatuses);
    b.integer('rating');
    b.link('ownerEmail');
  },
  contact: (b) => {
    b.names();
    b.entries('emails', [
      ['email', 'work'],
      ['email2', 'personal'],
      ['email3', 'other'],
    ]);
    b.entries('phones', [
      ['phone', 'work'],
      ['mobilePhone', 'mobile'],
      ['homePhone', 'home'],
      ['phone2', 'other'],
    ]);
    for (const key of ['jobTitle', 'department', 'timeZone', 'bio']) b.text(key);
    b.date('birthDate');
    b.address('work' satisfies (typeof contactAddressKinds)[number], 'address', true);
    b.address('postal', 'postalAddress', false);
    b.address('home', 'homeAddress', false);
    b.address('other', 'otherAddress', false);
    b.choice('status', contactStatuses);
    b.boolean('emailOptOut');
    b.link('accountName');
    b.link('ownerEmail');
  },
  deal: (b) => {
    for (const key of ['title', 'needs', 'description']) b.text(key);
    b.money('amount');
    b.date('expectedCloseDate');
    for (const key of ['accountName', 'contactEmail', 'pipelineName', 'stageName', 'ownerEmail'] as const) b.link(key);
  },
};

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, step) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[step] : undefined), input);
}

/** Names a schema issue by the field (and column) its value came from. */
function issueOf(b: RowBuilder, issue: z.core.$ZodIssue): RowIssue | undefined {
  const path = issue.path;
  if (b.failed.some((p) => startsWith(path, p) || startsWith(p, path))) return undefined;
  const exact = b.origins.filter((o) => startsWith(path, o.path)).sort((x, y) => y.path.length - x.path.length)[0];
  const under = exact ?? b.origins.find((o) => startsWith(o.path, path));
  const missing = valueAt(b.input, path) === undefined && issue.code === 'invalid_type';
  const message = missing ? 'required' : issue.message;
  if (under && under.column >= 0) return { column: under.column, field: under.field, message };
  // Nothing came from the file there: the field's column is empty, a Ф.И.О. column did not have
  // the part, or no column fills the field.
  const top = String(path[0] ?? '');
  const field = top === 'custom' && path.length > 1 ? `custom.${String(path[1])}` : top;
  const own = b.columns.get(field);
  if (own !== undefined) return { column: own, field, message };
  const full = b.cell('fullName');
  if (full && ['lastName', 'firstName', 'middleName'].includes(top)) return { column: full.column, field: top, message: `${message} (not found in the full name “${full.value}”)` };
  return { field: path.map(String).join('.') || 'row', message };
}

/**
 * Converts one row by the mapping into the type's create input and checks it with the type's
 * create schema (and the custom fields' definitions). Empty cells are left out; the row is
 * importable when `issues` is empty. Columns are numbered from 0, as in the mapping.
 */
export function rowToInput(type: ImportableType, mapping: ColumnMapping, row: string[], customFields: readonly CustomFieldDefinition[] = []): RowInput {
  const known = new Set(importFieldsOf(type, customFields as CustomFieldDefinition[]).map((f) => f.key));
  const cells = new Map<string, Cell>();
  const columns = new Map<string, number>();
  const unknown: RowIssue[] = [];
  mapping.forEach((key, column) => {
    if (!key) return;
    if (!columns.has(key)) columns.set(key, column);
    const value = (row[column] ?? '').trim();
    if (!known.has(key) && !(typesWithCustomValues.includes(type) && key.startsWith('custom.'))) {
      unknown.push({ column, field: key, message: `not a field of a ${type}` });
      return;
    }
    if (value && !cells.has(key)) cells.set(key, { value, column });
  });

  const b = new RowBuilder(cells, columns);
  b.issues.push(...unknown);
  build[type](b);
  if (typesWithCustomValues.includes(type)) b.custom(customFields);

  // One issue per cell is enough ("12-34" is both too short and badly formatted).
  const reported = new Set(b.issues.map((i) => `${i.field}|${i.column}`));
  const add = (issue: RowIssue | undefined) => {
    const id = issue && `${issue.field}|${issue.column}`;
    if (issue && id && !reported.has(id)) {
      reported.add(id);
      b.issues.push(issue);
    }
  };
  const result = createSchemas[type].safeParse(b.input);
  if (!result.success) for (const issue of result.error.issues) add(issueOf(b, issue));
  // The create schema takes any custom values; their definitions say which are valid (and required).
  const definitions = customFields
    .filter((d) => (d.type !== 'select' && d.type !== 'multiselect') || d.options?.length)
    .map((d) => ({ required: false, inList: false, ...d }) as CustomField);
  if (typesWithCustomValues.includes(type) && definitions.length) {
    const custom = customValuesSchema(definitions, false).safeParse(b.input.custom ?? {});
    if (!custom.success) for (const issue of custom.error.issues) add(issueOf(b, { ...issue, path: ['custom', ...issue.path] } as z.core.$ZodIssue));
  }
  return { input: b.input, links: b.links, issues: b.issues };
}
