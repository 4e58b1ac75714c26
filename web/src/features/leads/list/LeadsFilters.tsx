import { leadChannels, leadStatuses, type LeadChannel, type LeadStatus } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../../i18n/use-i18n';
import { userLabel, useUsers } from '../shared/use-users';
import { hasFilters, type LeadsSearch } from './leads-search';

/** Status, owner and channel filters; each change is a new URL (shareable, Back undoes it). */
export function LeadsFilters({ search, onChange }: { search: LeadsSearch; onChange: (changes: Partial<LeadsSearch>) => void }) {
  const { t } = useI18n();
  const { data: users = [] } = useUsers();
  const sortedUsers = [...users].sort((a, b) => userLabel(a).localeCompare(userLabel(b)));

  return (
    <form className="filters" role="search" aria-label={t.leads.filters} onSubmit={(event) => event.preventDefault()}>
      <label className="filter">
        <span className="filter-label">{t.leads.filterStatus}</span>
        <select
          data-testid="filter-status"
          value={search.status ?? ''}
          onChange={(event) => onChange({ status: (event.target.value || undefined) as LeadStatus | undefined })}
        >
          <option value="">{t.leads.any}</option>
          {leadStatuses.map((status) => (
            <option key={status} value={status}>
              {t.statuses[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t.leads.filterOwner}</span>
        <select data-testid="filter-owner" value={search.ownerId ?? ''} onChange={(event) => onChange({ ownerId: event.target.value || undefined })}>
          <option value="">{t.leads.any}</option>
          {search.ownerId && !users.some((u) => u.id === search.ownerId) ? <option value={search.ownerId}>{search.ownerId}</option> : null}
          {sortedUsers.map((user) => (
            <option key={user.id} value={user.id}>
              {userLabel(user)}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        <span className="filter-label">{t.leads.filterChannel}</span>
        <select
          data-testid="filter-channel"
          value={search.channel ?? ''}
          onChange={(event) => onChange({ channel: (event.target.value || undefined) as LeadChannel | undefined })}
        >
          <option value="">{t.leads.any}</option>
          {leadChannels.map((channel) => (
            <option key={channel} value={channel}>
              {t.channels[channel]}
            </option>
          ))}
        </select>
      </label>
      {hasFilters(search) ? (
        <button type="button" className="button button-link filters-reset" onClick={() => onChange({ status: undefined, ownerId: undefined, channel: undefined })}>
          {t.leads.resetFilters}
        </button>
      ) : null}
    </form>
  );
}
