import * as z from 'zod';
import type { Role } from '../../auth/roles';
import { locales, type Locale } from '../../i18n/locale';

/**
 * An export (REC-11): a list, with the filters it is shown with, written to CSV or XLSX in the
 * background (the spreadsheet library stays out of the API functions' bundles) and downloaded
 * through a short-lived link. Up to `maxExportRows`; a bigger list says it was cut.
 */
export const exportTypes = ['lead', 'account', 'contact', 'deal', 'product', 'activity', 'case'] as const;
export type ExportType = (typeof exportTypes)[number];
export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];
export const maxExportRows = 50_000;

/**
 * How a CSV file is written (ADR 0008): `plain` UTF-8 with commas for other programs; `excel`
 * UTF-8 with a BOM, semicolons and a decimal comma, as Russian Excel opens a file by double
 * click; `windows-1251`, the same in the old Russian code page, only when asked for, since it
 * cannot hold ₸ or the Kazakh letters (the job reports what it replaced).
 */
export const csvDialects = ['plain', 'excel', 'windows-1251'] as const;
export type CsvDialect = (typeof csvDialects)[number];

/** Characters a CSV's encoding could not hold, each written as `?`, and in how many cells. */
export interface EncodingLoss {
  encoding: 'windows-1251';
  /** Cells with at least one replaced character. */
  cells: number;
  /** Most cells first. */
  characters: { character: string; cells: number }[];
}

export const exportRequestSchema = z
  .strictObject({
    recordType: z.enum(exportTypes),
    format: z.enum(exportFormats),
    /** CSV only; `plain` when left out. */
    csvDialect: z.enum(csvDialects).optional(),
    locale: z.enum(locales).default('ru'),
    /** The list's own query parameters (status, ownerId, parentId, sort, custom.<key>…), as its page sends them. */
    filters: z.record(z.string().max(60), z.string().max(200)).default({}),
  })
  .superRefine((request, ctx) => {
    if (request.format !== 'csv' && request.csvDialect) ctx.addIssue({ code: 'custom', path: ['csvDialect'], message: 'only a CSV export has a dialect' });
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export interface ExportJob {
  id: string;
  recordType: ExportType;
  format: ExportFormat;
  /** CSV jobs only. */
  csvDialect?: CsvDialect;
  locale: Locale;
  filters: Record<string, string>;
  status: 'running' | 'done' | 'failed';
  rows?: number;
  truncated?: boolean;
  /** A done Windows-1251 CSV: what it could not hold. */
  encodingLoss?: EncodingLoss;
  fileName?: string;
  fileKey?: string;
  error?: string;
  createdAt: string;
  createdBy: string;
  /** The requester's roles when asking: the file holds what they could see in the list (ACC-2). */
  createdByRoles: Role[];
  updatedAt: string;
  version: number;
}

const fileTitles: Record<ExportType, Record<Locale, string>> = {
  lead: { ru: 'Лиды', en: 'Leads' },
  account: { ru: 'Компании', en: 'Accounts' },
  contact: { ru: 'Контакты', en: 'Contacts' },
  deal: { ru: 'Сделки', en: 'Deals' },
  product: { ru: 'Товары и услуги', en: 'Products' },
  activity: { ru: 'Дела', en: 'Activities' },
  case: { ru: 'Обращения', en: 'Cases' },
};

export const exportTitle = (job: Pick<ExportJob, 'recordType' | 'locale'>): string => fileTitles[job.recordType][job.locale];

export const exportFileName = (job: Pick<ExportJob, 'recordType' | 'locale' | 'format' | 'createdAt'>): string =>
  `${exportTitle(job)}-${job.createdAt.slice(0, 10)}.${job.format}`;

export const exportContentType = (job: Pick<ExportJob, 'format' | 'csvDialect'>): string =>
  job.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : `text/csv; charset=${job.csvDialect === 'windows-1251' ? 'windows-1251' : 'utf-8'}`;
