import { exportRequestSchema, type CsvDialect, type EncodingLoss, type ExportFormat, type ExportRequest, type ExportType } from '@shared/domain/exports/export-job';
import type { Locale } from '@shared/i18n/locale';
import type { ExportMessages } from './export-messages';

/**
 * What the export dialog asks (REC-11): the file format, and for CSV how it is written. The
 * request is checked with the API's own schema before it is sent, so the dialog never sends what
 * the API would refuse.
 */
export interface ExportChoice {
  format: ExportFormat;
  /** Kept while XLSX is chosen, so switching back to CSV finds it as it was. */
  csvDialect: CsvDialect;
}

/** XLSX is recommended: its cells keep values as they are; a CSV's text has to be neutralised. */
export const initialChoice: ExportChoice = { format: 'xlsx', csvDialect: 'plain' };

export function exportRequestOf(recordType: ExportType, locale: Locale, filters: Record<string, string>, choice: ExportChoice): ExportRequest {
  return exportRequestSchema.parse({ recordType, format: choice.format, ...(choice.format === 'csv' ? { csvDialect: choice.csvDialect } : {}), locale, filters });
}

/** The characters a Windows-1251 file lost, each with its cells; nothing when none were. */
export function lossSummary(loss: EncodingLoss | undefined, m: ExportMessages, formatNumber: (n: number) => string): string | undefined {
  if (!loss?.characters.length) return undefined;
  return m.loss(loss.characters.map(({ character, cells }) => m.lostCharacter(character, formatNumber(cells), cells)));
}
