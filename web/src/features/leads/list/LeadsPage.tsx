import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useDocumentTitle } from '../../../app/use-document-title';
import { useI18n } from '../../../i18n/use-i18n';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadingState } from '../../../ui/LoadingState';
import { ExportButton } from '../../exports/ExportButton';
import { LoadFailed } from '../shared/LoadFailed';
import { hasFilters, listQueryOf, type LeadsSearch } from './leads-search';
import { LeadsFilters } from './LeadsFilters';
import { LeadsPager } from './LeadsPager';
import { LeadsTable } from './LeadsTable';
import { useLeadsPage } from './use-leads-page';
import '../../../styles/records.css';

/** The leads list: filters, a server-sorted and server-paged table, and the way to a new lead. */
export function LeadsPage({ search }: { search: LeadsSearch }) {
  const { t } = useI18n();
  useDocumentTitle(t.leads.title);
  const leads = useLeadsPage(search);
  const { data, isPending, isError, error, refetch, isFetching } = leads.page;
  const filtered = hasFilters(search);
  // The export takes the list as filtered and sorted now; paging is the export's own.
  const exportFilters = useMemo(() => {
    const { status, ownerId, channel, sort } = listQueryOf(search);
    return { ...(status ? { status } : {}), ...(ownerId ? { ownerId } : {}), ...(channel ? { channel } : {}), sort };
  }, [search]);

  return (
    <section className="page page-wide" aria-labelledby="leads-title">
      <header className="page-header">
        <h1 id="leads-title">{t.leads.title}</h1>
        <div className="records-toolbar">
          <ExportButton recordType="lead" filters={exportFilters} />
          <Link to="/leads/new" className="button button-primary" data-testid="new-lead">
            <span aria-hidden="true">+</span> {t.leads.newLead}
          </Link>
        </div>
      </header>

      <LeadsFilters search={search} onChange={leads.change} />

      {isPending ? (
        <LoadingState text={t.leads.loading} />
      ) : isError ? (
        <LoadFailed error={error} retry={() => void refetch()} />
      ) : data.items.length === 0 && !search.cursor ? (
        <EmptyState title={filtered ? t.leads.emptyFiltered : t.leads.empty}>
          {filtered ? (
            <button type="button" className="button" onClick={() => leads.change({ status: undefined, ownerId: undefined, channel: undefined })}>
              {t.leads.resetFilters}
            </button>
          ) : (
            <p className="muted">{t.leads.emptyHint}</p>
          )}
        </EmptyState>
      ) : (
        <>
          <LeadsTable
            leads={data.items}
            sort={search.sort ?? '-createdAt'}
            onSort={(sort) => leads.change({ sort: sort === 'createdAt' ? 'createdAt' : undefined })}
            busy={isFetching}
          />
          <LeadsPager
            pageNumber={leads.pageNumber}
            count={data.items.length}
            hasPrevious={leads.hasPrevious}
            hasNext={leads.hasNext}
            onPrevious={leads.previous}
            onNext={leads.next}
          />
        </>
      )}
    </section>
  );
}
