import { useI18n } from '../../i18n/use-i18n';

/** Words of the export button and its dialog (REC-11). Russian defines the shape, English is checked against it. */
const plural = (n: number, one: string, few: string, many: string): string => {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? one : form === 'few' ? few : many;
};

const ru = {
  button: 'Экспорт',
  title: 'Экспорт списка',
  intro: 'В файл попадёт список с текущими фильтрами.',
  format: 'Формат файла',
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  formatHints: {
    xlsx: 'Рекомендуем: значения как есть — телефоны, даты и суммы в своих типах.',
    csv: 'Текст для других программ и скриптов.',
  },
  dialect: 'Вариант CSV',
  dialects: {
    plain: 'UTF-8, запятая',
    excel: 'Для Excel',
    'windows-1251': 'Windows-1251',
  },
  dialectHints: {
    plain: 'Для программ и скриптов.',
    excel: 'UTF-8 с BOM, точка с запятой: русский Excel откроет двойным щелчком.',
    'windows-1251': 'Для старых программ. ₸ и казахские буквы (ә, ғ, қ, ң, ө, ұ, ү, һ) заменятся на «?».',
  },
  csvNotice:
    'Excel выполняет как формулу текст в CSV, который начинается с =, +, - или @, поэтому перед таким текстом ставится апостроф: телефон будет выглядеть как \'+7\u00a0912…, а «-2+3» — как \'-2+3. Импорт в CRM снимает апостроф. Ещё Excel делает из цифр числа: у ИНН пропадёт ведущий ноль. Чтобы открыть значения в Excel как есть, выберите XLSX.',
  submit: 'Выгрузить',
  cancel: 'Отмена',
  working: 'Готовим файл…',
  done: (rows: string, n: number) => `Выгружено ${rows} ${plural(n, 'строка', 'строки', 'строк')}.`,
  truncated: (max: string) => `В файл вошли только первые ${max} строк. Уточните фильтры, чтобы выгрузить остальное.`,
  failed: 'Не удалось подготовить файл. Попробуйте ещё раз.',
  timedOut: 'Файл готовится слишком долго. Попробуйте позже или уточните фильтры.',
  badFilter: 'Экспорт не принял фильтры списка. Сбросьте их и попробуйте снова.',
  download: 'Скачать файл',
  loss: (parts: string[]) => `Windows-1251 не вмещает некоторые символы, в файле они заменены на «?»: ${parts.join(', ')}.`,
  lostCharacter: (character: string, cells: string, n: number) => `${character} — в ${cells} ${plural(n, 'ячейке', 'ячейках', 'ячейках')}`,
};

export type ExportMessages = typeof ru;

const en: ExportMessages = {
  button: 'Export',
  title: 'Export the list',
  intro: 'The file holds the list with its current filters.',
  format: 'File format',
  csv: 'CSV',
  xlsx: 'Excel (XLSX)',
  formatHints: {
    xlsx: 'Recommended: values as they are, with phones, dates and amounts in their own types.',
    csv: 'Text for other programs and scripts.',
  },
  dialect: 'CSV variant',
  dialects: {
    plain: 'UTF-8, comma',
    excel: 'For Excel',
    'windows-1251': 'Windows-1251',
  },
  dialectHints: {
    plain: 'For programs and scripts.',
    excel: 'UTF-8 with a BOM and semicolons: Russian Excel opens it by double click.',
    'windows-1251': 'For old programs. ₸ and the Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ) become “?”.',
  },
  csvNotice:
    'Excel runs CSV text that starts with =, +, - or @ as a formula, so such text gets an apostrophe in front: a phone shows as \'+7\u00a0912…, and “-2+3” as \'-2+3. Importing into the CRM takes the apostrophe off. Excel also turns digits into numbers: a tax ID loses its leading zero. To open the values in Excel as they are, choose XLSX.',
  submit: 'Export',
  cancel: 'Cancel',
  working: 'Preparing the file…',
  done: (rows: string, n: number) => `${rows} row${n === 1 ? '' : 's'} exported.`,
  truncated: (max: string) => `Only the first ${max} rows are in the file. Narrow the filters to export the rest.`,
  failed: 'The file could not be prepared. Try again.',
  timedOut: 'The file is taking too long. Try later or narrow the filters.',
  badFilter: 'The export did not accept the list’s filters. Reset them and try again.',
  download: 'Download the file',
  loss: (parts: string[]) => `Windows-1251 cannot hold some characters; they are written as “?” in the file: ${parts.join(', ')}.`,
  lostCharacter: (character: string, cells: string, n: number) => `${character} in ${cells} cell${n === 1 ? '' : 's'}`,
};

export const exportMessages = { ru, en } satisfies Record<'ru' | 'en', ExportMessages>;

export function useExportMessages(): ExportMessages {
  const { locale } = useI18n();
  return exportMessages[locale];
}
