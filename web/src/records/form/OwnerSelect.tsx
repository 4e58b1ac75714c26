import type { RecordSubject } from '@shared/auth/permissions';
import { useCan } from '../../auth/use-can';
import { Field, type ControlAria } from '../../ui/Field';
import { userLabel, useUsers } from '../../api/use-users';
import { useRecordsMessages } from '../records-messages';

/**
 * The owner picker of the record forms and of the bulk transfer: the user directory as a select,
 * by name. A value no longer in the directory stays shown by its id; `emptyLabel` names the empty
 * choice («Я» on a new record, «Выберите сотрудника» in the transfer), absent: no empty choice.
 */
interface OwnerSelectProps {
  aria: ControlAria;
  name: string;
  testId: string;
  value: string;
  onChange: (ownerId: string) => void;
  emptyLabel?: string | undefined;
  disabled?: boolean;
  /** Leave out users an admin disabled (they could not work what they are given). */
  activeOnly?: boolean;
}

export function OwnerSelect({ aria, name, testId, value, onChange, emptyLabel, disabled = false, activeOnly = false }: OwnerSelectProps) {
  const { data: directory = [] } = useUsers();
  const users = activeOnly ? directory.filter((user) => !user.disabledAt) : directory;
  const missing = value !== '' && !users.some((user) => user.id === value);
  return (
    <select {...aria} name={name} data-testid={testId} disabled={disabled} value={value} onChange={(event) => onChange(event.target.value)}>
      {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
      {missing ? <option value={value}>{value}</option> : null}
      {users.map((user) => (
        <option key={user.id} value={user.id}>
          {userLabel(user)}
        </option>
      ))}
    </select>
  );
}

/** A record form's owner field (`ownerId`): locked, with a word why, for a role that may not give the subject's records to others (SAL-12). */
interface OwnerFieldProps {
  id: string;
  label: string;
  subject: RecordSubject;
  error: string | undefined;
  testId: string;
  value: string;
  onChange: (ownerId: string) => void;
  emptyLabel: string | undefined;
}

export function OwnerField({ id, label, subject, error, testId, value, onChange, emptyLabel }: OwnerFieldProps) {
  const locked = !useCan()(subject, 'transfer');
  const hint = useRecordsMessages().form.ownerLocked;
  return (
    <Field id={id} label={label} error={error} hint={locked ? hint : undefined}>
      {(aria) => <OwnerSelect aria={aria} name="ownerId" testId={testId} disabled={locked} value={value} onChange={onChange} emptyLabel={emptyLabel} />}
    </Field>
  );
}
