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

export const exportRequestSchema = z.strictObject({
  recordType: z.enum(exportTypes),
  format: z.enum(exportFormats),
  locale: z.enum(locales).default('ru'),
  /** The list's own query parameters (status, ownerId, parentId, sort, custom.<key>…), as its page sends them. */
  filters: z.record(z.string().max(60), z.string().max(200)).default({}),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export interface ExportJob {
  id: string;
  recordType: ExportType;
  format: ExportFormat;
  locale: Locale;
  filters: Record<string, string>;
  status: 'running' | 'done' | 'failed';
  rows?: number;
  truncated?: boolean;
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

export const exportContentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
