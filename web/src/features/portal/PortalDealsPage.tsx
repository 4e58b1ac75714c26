import { useQuery } from '@tanstack/react-query';
import type { PortalDeal } from '@shared/domain/portal/portal-deal';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { DetailSection } from '../../ui/DetailSection';
import { useRecordsHttp } from '../../records/records-http';
import { portalKeys } from './portal-cases';
import { PortalLayout, PortalLoadState } from './PortalLayout';
import { usePortalMessages } from './portal-messages';

/**
 * The portal's deals (ACC-3), where the portal opens: the deals of the portal user's company, each
 * with its stage, the planned actions and who is responsible — what the API's portal projection holds.
 */
export function PortalDealsPage() {
  const p = usePortalMessages();
  const { format } = useI18n();
  const http = useRecordsHttp();
  const deals = useQuery({ queryKey: portalKeys.deals, queryFn: () => http.get<{ items: PortalDeal[] }>('/api/portal/deals') });

  return (
    <PortalLayout section="deals">
      <h2 className="visually-hidden">{p.tabs.deals}</h2>
      {deals.isPending || deals.isError ? (
        <PortalLoadState pending={deals.isPending} error={deals.error} retry={() => void deals.refetch()} loading={p.loading} />
      ) : deals.data.items.length === 0 ? (
        <EmptyState title={p.empty} />
      ) : (
        <ul className="portal-deals">
          {deals.data.items.map((deal) => (
            <li key={deal.id} className="portal-deal" data-testid="portal-deal">
              <h2 data-testid="portal-deal-title">{deal.title}</h2>
              <DetailSection
                title={p.stage}
                rows={[
                  [p.stage, `${deal.stage.name} (${p.outcomes[deal.stage.outcome]})`],
                  [p.amount, deal.amount ? format.money(deal.amount) : undefined],
                  [p.expectedClose, deal.expectedCloseDate ? format.shortDate(deal.expectedCloseDate) : undefined],
                  [p.responsible, deal.responsible.email ? <a href={`mailto:${deal.responsible.email}`}>{deal.responsible.name}</a> : deal.responsible.name],
                ]}
              />
              <DetailSection
                title={p.nextActions}
                fallback={p.noActions}
                rows={deal.nextActions.map((action) => [`${p.kinds[action.kind]}: ${action.subject}`, action.dueAt ? format.dateTime(action.dueAt) : '—'])}
              />
            </li>
          ))}
        </ul>
      )}
    </PortalLayout>
  );
}
