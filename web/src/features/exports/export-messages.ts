import { useI18n } from '../../i18n/use-i18n';

/** Words of the export button (REC-11). Russian defines the shape, English is checked against it. */
const plural = (n: number, one: string, few: string, many: string): string => {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

const ru = {
  button: 'Экспорт',
  menu: 'Формат файла',
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  working: 'Готовим файл…',
  done: (rows: string, n: number) => `Выгружено ${rows} ${plural(n, 'строка', 'строки', 'строк')}.`,
  truncated: (max: string) => `В файл вошли только первые ${max} строк. Уточните фильтры, чтобы выгрузить остальное.`,
  failed: 'Не удалось подготовить файл. Попробуйте ещё раз.',
  timedOut: 'Файл готовится слишком долго. Попробуйте позже или уточните фильтры.',
  badFilter: 'Экспорт не принял фильтры списка. Сбросьте их и попробуйте снова.',
  download: 'Скачать файл',
};

export type ExportMessages = typeof ru;

const en: ExportMessages = {
  button: 'Export',
  menu: 'File format',
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  working: 'Preparing the file…',
  done: (rows: string, n: number) => `${rows} row${n === 1 ? '' : 's'} exported.`,
  truncated: (max: string) => `Only the first ${max} rows are in the file. Narrow the filters to export the rest.`,
  failed: 'The file could not be prepared. Try again.',
  timedOut: 'The file is taking too long. Try later or narrow the filters.',
  badFilter: 'The export did not accept the list’s filters. Reset them and try again.',
  download: 'Download the file',
};

export const exportMessages = { ru, en } satisfies Record<'ru' | 'en', ExportMessages>;

export function useExportMessages(): ExportMessages {
  const { locale } = useI18n();
  return exportMessages[locale];
}
