import { Link, useNavigate } from '@tanstack/react-router';
import type { Lead } from '@shared/domain/leads/lead';
import { leadDisplayName } from '@shared/domain/leads/lead-changes';
import { useI18n } from '../../../i18n/use-i18n';
import { QualificationBadge, StatusBadge } from '../shared/LeadBadges';
import { useUserName } from '../shared/use-users';

interface LeadsTableProps {
  leads: Lead[];
  sort: 'createdAt' | '-createdAt';
  onSort: (sort: 'createdAt' | '-createdAt') => void;
  /** A new page or order is on its way: the rows shown are the previous ones. */
  busy: boolean;
}

/** One page of leads. A row opens its card on click; the name is the keyboard-reachable link. */
export function LeadsTable({ leads, sort, onSort, busy }: LeadsTableProps) {
  const { t, format } = useI18n();
  const userName = useUserName();
  const navigate = useNavigate();
  const ascending = sort === 'createdAt';

  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="table leads-table" data-testid="leads-table">
        <caption className="visually-hidden">{t.leads.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.leads.columns.name}</th>
            <th scope="col" className="col-wide-only">
              {t.leads.columns.company}
            </th>
            <th scope="col" className="col-optional">
              {t.leads.columns.email}
            </th>
            <th scope="col" className="col-optional col-tier2">
              {t.leads.columns.phone}
            </th>
            <th scope="col">{t.leads.columns.status}</th>
            <th scope="col" className="col-optional col-tier2">
              {t.leads.columns.qualification}
            </th>
            <th scope="col" className="col-optional">
              {t.leads.columns.owner}
            </th>
            <th scope="col" className="col-optional">
              {t.leads.columns.source}
            </th>
            <th scope="col" aria-sort={ascending ? 'ascending' : 'descending'}>
              <button
                type="button"
                className="sort-button"
                data-testid="sort-created"
                onClick={() => onSort(ascending ? '-createdAt' : 'createdAt')}
                title={ascending ? t.leads.sortDescending : t.leads.sortAscending}
              >
                {t.leads.columns.created}
                <span className="sort-arrow" aria-hidden="true">
                  {ascending ? '▲' : '▼'}
                </span>
              </button>
            </th>
          </tr>
        </thead>
        <tbody>
          {leads.map((lead) => (
            <tr
              key={lead.id}
              className="lead-row"
              data-testid="lead-row"
              onClick={(event) => {
                // Let links and selections inside the row behave as themselves.
                if ((event.target as HTMLElement).closest('a') || window.getSelection()?.toString()) return;
                void navigate({ to: '/leads/$leadId', params: { leadId: lead.id } });
              }}
            >
              <td className="cell-name">
                <Link to="/leads/$leadId" params={{ leadId: lead.id }}>
                  {leadDisplayName(lead)}
                </Link>
                {lead.jobTitle ? <span className="cell-sub">{lead.jobTitle}</span> : null}
              </td>
              <td className="col-wide-only">{lead.company ?? <span className="muted">—</span>}</td>
              <td className="col-optional cell-nowrap">{lead.email ?? <span className="muted">—</span>}</td>
              <td className="col-optional col-tier2 cell-nowrap">{lead.phone ?? <span className="muted">—</span>}</td>
              <td>
                <StatusBadge status={lead.status} />
              </td>
              <td className="col-optional col-tier2">
                <QualificationBadge qualification={lead.qualification} />
              </td>
              <td className="col-optional">{userName(lead.ownerId)}</td>
              <td className="col-optional">
                {t.channels[lead.source.channel]}
                {lead.source.campaign || lead.source.utm?.campaign ? (
                  <span className="cell-sub">{lead.source.campaign ?? lead.source.utm?.campaign}</span>
                ) : null}
              </td>
              <td className="cell-nowrap">
                <time dateTime={lead.createdAt} title={format.dateTime(lead.createdAt)}>
                  {format.shortDate(lead.createdAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
