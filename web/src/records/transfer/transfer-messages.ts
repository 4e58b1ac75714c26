import type { TransferOutcome } from '@shared/domain/ownership/ownership-transfer';
import { useI18n } from '../../i18n/use-i18n';
import { ruPlural } from '../records-messages';

/** Words of the bulk transfer of ownership (ACC-2): the selection bar and the dialog. Russian defines the shape, English is checked against it. */
const records = (n: number) => `${n} ${ruPlural(n, 'запись', 'записи', 'записей')}`;

const ru = {
  bar: 'Выбранные записи',
  selected: (n: number) => `Выбрано: ${records(n)}`,
  transfer: 'Передать',
  clear: 'Снять выделение',
  title: 'Передать записи',
  intro: (n: number) => `${records(n)} ${ruPlural(n, 'перейдёт', 'перейдут', 'перейдут')} к новому ответственному. В истории каждой записи останется смена ответственного.`,
  inParts: (parts: number) => `Отправим частями по 100 записей: ${parts} ${ruPlural(parts, 'часть', 'части', 'частей')}.`,
  owner: 'Новый ответственный',
  chooseOwner: 'Выберите сотрудника',
  ownerRequired: 'Выберите, кому передать записи.',
  submit: 'Передать записи',
  cancel: 'Отмена',
  close: 'Закрыть',
  progressLabel: 'Ход передачи',
  progress: (done: number, total: number, part: number, parts: number) => `Обработано ${done} из ${total}${parts > 1 ? ` · часть ${part} из ${parts}` : ''}`,
  summary: (moved: number, total: number) => `Передано ${moved} из ${total} ${ruPlural(total, 'записи', 'записей', 'записей')}.`,
  outcomes: {
    moved: 'Переданы',
    unchanged: 'Уже у этого ответственного',
    not_found: 'Не найдены',
    conflict: 'Изменены во время передачи',
  } satisfies Record<TransferOutcome, string>,
  failed: 'Не переданы',
  reasons: {
    not_found: 'не найдена: удалена или вам не видна',
    conflict: 'изменена во время передачи, передайте её ещё раз',
  } satisfies Record<Exclude<TransferOutcome, 'moved' | 'unchanged'>, string>,
  stopped: (done: number, total: number) => `Передача остановилась: обработано ${done} из ${total}. Необработанные записи остались выбранными.`,
  errors: {
    outsideTeam: 'Передать записи можно только сотруднику вашей команды.',
    forbidden: 'Передавать записи другим может руководитель отдела продаж или администратор.',
    unknownOwner: 'Такого пользователя нет в справочнике. Выберите другого.',
  },
};

export type TransferMessages = typeof ru;

const enRecords = (n: number) => `${n} record${n === 1 ? '' : 's'}`;

const en: TransferMessages = {
  bar: 'Selected records',
  selected: (n) => `${enRecords(n)} selected`,
  transfer: 'Transfer',
  clear: 'Clear selection',
  title: 'Transfer records',
  intro: (n) => `${enRecords(n)} will go to the new owner. Each record’s history keeps the change of owner.`,
  inParts: (parts) => `Sent in parts of 100 records: ${parts} part${parts === 1 ? '' : 's'}.`,
  owner: 'New owner',
  chooseOwner: 'Choose a person',
  ownerRequired: 'Choose who gets the records.',
  submit: 'Transfer records',
  cancel: 'Cancel',
  close: 'Close',
  progressLabel: 'Transfer progress',
  progress: (done, total, part, parts) => `${done} of ${total} done${parts > 1 ? ` · part ${part} of ${parts}` : ''}`,
  summary: (moved, total) => `${moved} of ${enRecords(total)} transferred.`,
  outcomes: {
    moved: 'Transferred',
    unchanged: 'Already with this owner',
    not_found: 'Not found',
    conflict: 'Changed meanwhile',
  },
  failed: 'Not transferred',
  reasons: {
    not_found: 'not found: deleted or out of your sight',
    conflict: 'changed during the transfer, transfer it again',
  },
  stopped: (done, total) => `The transfer stopped: ${done} of ${total} done. The records not yet done are still selected.`,
  errors: {
    outsideTeam: 'Records can only go to someone in your team.',
    forbidden: 'A sales manager or an admin gives records to others.',
    unknownOwner: 'No such user in the directory. Choose another.',
  },
};

export const transferMessages = { ru, en } satisfies Record<'ru' | 'en', TransferMessages>;

export function useTransferMessages(): TransferMessages {
  const { locale } = useI18n();
  return transferMessages[locale];
}
