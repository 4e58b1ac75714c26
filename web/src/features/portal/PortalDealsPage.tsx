import { useQuery } from '@tanstack/react-query';
import type { PortalDeal } from '@shared/domain/portal/portal-deal';
import { isApiError } from '../../api/api-error';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { DetailSection } from '../leads/card/DetailSection';
import { LoadFailed } from '../leads/shared/LoadFailed';
import { useRecordsHttp } from '../records/records-http';
import { usePortalMessages } from './portal-messages';

/**
 * The client portal's one page (ACC-3): the deals of the portal user's company, each with its
 * stage, the planned actions and who is responsible — what the API's portal projection holds.
 */
export function PortalDealsPage() {
  const p = usePortalMessages();
  const { format } = useI18n();
  const http = useRecordsHttp();
  useDocumentTitle(p.title);
  const deals = useQuery({ queryKey: ['portal', 'deals'], queryFn: () => http.get<{ items: PortalDeal[] }>('/api/portal/deals') });

  return (
    <section className="page" aria-labelledby="portal-title" data-testid="portal-page">
      <h1 id="portal-title">{p.title}</h1>
      <p className="muted">{p.intro}</p>
      {deals.isPending ? (
        <LoadingState text={p.loading} />
      ) : deals.isError ? (
        isApiError(deals.error) && deals.error.isNotFound ? (
          <ErrorNotice>{p.noAccount}</ErrorNotice>
        ) : (
          <LoadFailed error={deals.error} retry={() => void deals.refetch()} />
        )
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
    </section>
  );
}
