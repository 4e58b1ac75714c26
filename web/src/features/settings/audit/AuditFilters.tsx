import { subjects } from '@shared/auth/permissions';
import { useId, type ReactNode } from 'react';
import { userLabel, useUsers } from '../../../api/use-users';
import { addDays, hasAuditFilters, localIsoDate, type AuditSearch, type PeriodIssue, type PeriodSearch } from './audit-search';
import { subjectLabel, useAuditMessages } from './audit-messages';
import { auditActions, maxPeriodDays, type AuditAction } from './audit-types';

/**
 * The audit pages' filters; each change is a new URL. The period's inputs keep to the API's
 * bounds (no later than today, at most 31 days) and say what is wrong when a typed or linked
 * period is out of them.
 */
interface PeriodFieldsProps {
  period: PeriodSearch;
  issue: PeriodIssue | undefined;
  onChange: (changes: PeriodSearch) => void;
}

export function PeriodFields({ period, issue, onChange }: PeriodFieldsProps) {
  const m = useAuditMessages();
  const hintId = useId();
  const today = localIsoDate(new Date());
  const lastDay = period.from ? addDays(period.from, maxPeriodDays - 1) : today;
  const toMax = lastDay < today ? lastDay : today;
  const described = issue ? { 'aria-invalid': true, 'aria-describedby': hintId } : { 'aria-describedby': hintId };
  return (
    <>
      <label className="filter">
        <span className="filter-label">{m.filters.from}</span>
        <input type="date" value={period.from ?? ''} max={period.to ?? today} onChange={(event) => onChange({ from: event.target.value || undefined })} data-testid="audit-filter-from" {...described} />
      </label>
      <label className="filter">
        <span className="filter-label">{m.filters.to}</span>
        <input type="date" value={period.to ?? ''} min={period.from} max={toMax} onChange={(event) => onChange({ to: event.target.value || undefined })} data-testid="audit-filter-to" {...described} />
      </label>
      <p id={hintId} className={issue ? 'field-error audit-period-note' : 'field-hint audit-period-note'} data-testid="audit-period-note">
        {issue === 'order' ? m.filters.order : issue === 'tooLong' ? m.filters.tooLong : m.filters.periodHint}
      </p>
    </>
  );
}

interface FiltersFormProps {
  testId: string;
  children: ReactNode;
}

function FiltersForm({ testId, children }: FiltersFormProps) {
  const m = useAuditMessages();
  return (
    <form className="filters audit-filters" role="search" aria-label={m.filters.label} onSubmit={(event) => event.preventDefault()} data-testid={testId}>
      {children}
    </form>
  );
}

interface LogFiltersProps {
  search: AuditSearch;
  issue: PeriodIssue | undefined;
  onChange: (changes: Partial<AuditSearch>) => void;
  onReset: () => void;
}

interface FilterSelectProps {
  label: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
  testId: string;
}

/** A select with "all" first; a value a link carries but the options lack stays shown as it is. */
function FilterSelect({ label, value, options, onChange, testId }: FilterSelectProps) {
  const m = useAuditMessages();
  const all = value && !options.some((option) => option.value === value) ? [{ value, label: value }, ...options] : options;
  return (
    <label className="filter">
      <span className="filter-label">{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)} data-testid={testId}>
        <option value="">{m.filters.any}</option>
        {all.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The journal's: user, section, action and period. */
export function LogFilters({ search, issue, onChange, onReset }: LogFiltersProps) {
  const m = useAuditMessages();
  const { data: users = [] } = useUsers();
  const userOptions = users.map((user) => ({ value: user.id, label: userLabel(user) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <FiltersForm testId="audit-filters">
      <FilterSelect label={m.filters.actor} value={search.actorId} options={userOptions} onChange={(actorId) => onChange({ actorId })} testId="audit-filter-actor" />
      <FilterSelect
        label={m.filters.subject}
        value={search.subject}
        options={subjects.map((subject) => ({ value: subject, label: subjectLabel(m, subject) }))}
        onChange={(subject) => onChange({ subject })}
        testId="audit-filter-subject"
      />
      <FilterSelect
        label={m.filters.action}
        value={search.action}
        options={auditActions.map((action) => ({ value: action, label: m.actions[action] }))}
        onChange={(action) => onChange({ action: action as AuditAction | undefined })}
        testId="audit-filter-action"
      />
      <PeriodFields period={search} issue={issue} onChange={onChange} />
      {hasAuditFilters(search) ? (
        <button type="button" className="button button-link filters-reset" onClick={onReset} data-testid="audit-filters-reset">
          {m.filters.reset}
        </button>
      ) : null}
    </FiltersForm>
  );
}

/** The repeated queries': the period alone. */
export function UsageFilters({ period, issue, onChange }: PeriodFieldsProps) {
  return (
    <FiltersForm testId="audit-usage-filters">
      <PeriodFields period={period} issue={issue} onChange={onChange} />
    </FiltersForm>
  );
}
