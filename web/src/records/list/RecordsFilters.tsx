import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { userLabel, useUsers } from '../../api/use-users';
import { isFilterable } from '../custom/use-custom-fields';
import { useRecordsMessages } from '../records-messages';
import { hasFilters, type CustomFilterParam, type RecordsSearch, type SelectFilterParam } from './records-search';

/** A list's own select filter, such as a lead's source channel. */
export interface SelectFilter {
  param: SelectFilterParam;
  label: string;
  options: { value: string; label: string }[];
}

/** Status, owner, the list's own and custom field (select, yes/no) filters; each change is a new URL (shareable, Back undoes it). */
interface RecordsFiltersProps {
  search: RecordsSearch;
  statuses: { value: string; label: string }[];
  /** What the status is called in this list («Этап» for deals); «Статус» when absent. */
  statusLabel?: string;
  selects?: readonly SelectFilter[];
  customFields: readonly CustomField[];
  onChange: (changes: Partial<RecordsSearch>) => void;
  onReset: () => void;
}

export function RecordsFilters({ search, statuses, statusLabel, selects = [], customFields, onChange, onReset }: RecordsFiltersProps) {
  const m = useRecordsMessages();
  const { data: users = [] } = useUsers();
  const sortedUsers = [...users].sort((a, b) => userLabel(a).localeCompare(userLabel(b)));
  const filterable = customFields.filter(isFilterable);

  return (
    <form className="filters" role="search" aria-label={m.list.filters} onSubmit={(event) => event.preventDefault()} data-testid="records-filters">
      {statuses.length > 0 ? (
        <label className="filter">
          <span className="filter-label">{statusLabel ?? m.common.status}</span>
          <select data-testid="filter-status" value={search.status ?? ''} onChange={(event) => onChange({ status: event.target.value || undefined })}>
            <option value="">{m.list.any}</option>
            {statuses.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="filter">
        <span className="filter-label">{m.common.owner}</span>
        <select data-testid="filter-owner" value={search.ownerId ?? ''} onChange={(event) => onChange({ ownerId: event.target.value || undefined })}>
          <option value="">{m.list.any}</option>
          {search.ownerId && !users.some((u) => u.id === search.ownerId) ? <option value={search.ownerId}>{search.ownerId}</option> : null}
          {sortedUsers.map((user) => (
            <option key={user.id} value={user.id}>
              {userLabel(user)}
            </option>
          ))}
        </select>
      </label>
      {selects.map((select) => (
        <label key={select.param} className="filter">
          <span className="filter-label">{select.label}</span>
          <select data-testid={`filter-${select.param}`} value={search[select.param] ?? ''} onChange={(event) => onChange({ [select.param]: event.target.value || undefined })}>
            <option value="">{m.list.any}</option>
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {filterable.map((field) => {
        const param: CustomFilterParam = `custom.${field.key}`;
        const value = search[param] ?? '';
        const options = field.type === 'boolean' ? [{ value: 'true', label: m.list.yes }, { value: 'false', label: m.list.no }] : (field.options ?? []);
        return (
          <label key={field.key} className="filter">
            <span className="filter-label">{field.label}</span>
            <select data-testid={`filter-custom-${field.key}`} value={value} onChange={(event) => onChange({ [param]: event.target.value || undefined })}>
              <option value="">{m.list.any}</option>
              {value && !options.some((o) => o.value === value) ? <option value={value}>{value}</option> : null}
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {hasFilters(search) ? (
        <button type="button" className="button button-link filters-reset" onClick={onReset} data-testid="filters-reset">
          {m.list.resetFilters}
        </button>
      ) : null}
    </form>
  );
}
