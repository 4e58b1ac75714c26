import { Link } from '@tanstack/react-router';
import { useI18n } from '../../i18n/use-i18n';
import { EmptyState } from '../../ui/EmptyState';
import { casesOfPages, named, needsClient } from './portal-cases';
import { BusyButton, CaseStatusBadge, RatingStars } from './PortalCaseBits';
import { PortalLayout, PortalLoadState } from './PortalLayout';
import { usePortalMessages } from './portal-messages';
import { usePortalCases } from './use-portal-cases';

/**
 * The portal's cases (ACC-3): the account's cases, newest first — subject, type, status in the
 * client's words, who is responsible, when it last changed and the client's rating — a page at a
 * time ("Show more"); with none yet, a call to open the first.
 */
export function PortalCasesPage() {
  const p = usePortalMessages();
  const m = p.cases;
  const { format } = useI18n();
  const cases = usePortalCases();
  const items = casesOfPages(cases.data?.pages ?? []);

  return (
    <PortalLayout section="cases">
      <h2 className="visually-hidden">{m.title}</h2>
      <p className="muted">{m.intro}</p>
      {cases.isPending || cases.isError ? (
        <PortalLoadState pending={cases.isPending} error={cases.error} retry={() => void cases.refetch()} loading={m.loading} />
      ) : items.length === 0 ? (
        <EmptyState title={m.empty}>
          <p className="muted">{m.emptyHint}</p>
          <Link to="/portal/cases/new" className="button button-primary" data-testid="portal-first-case">
            {m.openFirst}
          </Link>
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap" aria-busy={cases.isFetching}>
            <table className="table portal-cases" data-testid="portal-cases">
              <thead>
                <tr>
                  <th scope="col">{m.columns.subject}</th>
                  <th scope="col" className="col-optional">
                    {m.columns.kind}
                  </th>
                  <th scope="col">{m.columns.status}</th>
                  <th scope="col" className="col-optional">
                    {m.columns.responsible}
                  </th>
                  <th scope="col" className="col-wide-only">
                    {m.columns.updated}
                  </th>
                  <th scope="col" className="col-wide-only">
                    {m.columns.rating}
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((c) => (
                  <tr key={c.id} className={needsClient(c.status) ? 'portal-case-row portal-case-attention' : 'portal-case-row'} data-testid="portal-case-row">
                    <td className="cell-name">
                      <Link to="/portal/cases/$caseId" params={{ caseId: c.id }} className="break" data-testid="portal-case-link">
                        {c.subject}
                      </Link>
                      <span className="cell-sub portal-case-sub">
                        {p.caseKinds[c.kind]} · {named(c.responsible.name) ? `${c.responsible.name} · ` : null}
                        <time dateTime={c.updatedAt}>{format.shortDate(c.updatedAt)}</time>
                        {c.rating ? (
                          <>
                            {' '}
                            · <RatingStars rating={c.rating} />
                          </>
                        ) : null}
                      </span>
                    </td>
                    <td className="col-optional">{p.caseKinds[c.kind]}</td>
                    <td>
                      <CaseStatusBadge status={c.status} testId="portal-case-row-status" />
                    </td>
                    <td className="col-optional">{c.responsible.name}</td>
                    <td className="col-wide-only cell-nowrap">
                      <time dateTime={c.updatedAt}>{format.shortDate(c.updatedAt)}</time>
                    </td>
                    <td className="col-wide-only cell-nowrap" data-testid="portal-case-row-rating">
                      {c.rating ? <RatingStars rating={c.rating} /> : <span className="muted">{m.notRated}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <p className="pager-status" role="status">
              {m.shown(items.length)}
            </p>
            {cases.hasNextPage ? (
              <BusyButton busy={cases.isFetchingNextPage} primary={false} label={m.more} busyLabel={m.loadingMore} onClick={() => void cases.fetchNextPage()} testId="portal-cases-more" />
            ) : null}
          </div>
        </>
      )}
    </PortalLayout>
  );
}
