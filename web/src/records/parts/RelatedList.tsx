import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import type { Page } from '@shared/api/contracts';
import type { Pipeline } from '@shared/domain/deals/pipeline';
import { LoadingState } from '../../ui/LoadingState';
import { Spinner } from '../../ui/Spinner';
import { AppLink } from '../../ui/AppLink';
import { LoadFailed } from '../../ui/LoadFailed';
import { useRecordsHttp } from '../records-http';
import { useKitMessages } from './kit-messages';

/**
 * Records listed under this one (an account's child accounts, contacts and deals; a contact's
 * deals), newest first, a page at a time, each a link; and the way to add one under it.
 * The query key starts with the listed resource and `list`, so saving one refreshes the panel.
 */
interface RelatedListProps<T extends { id: string }> {
  title: string;
  /** `['contacts', 'list', {...}]`. */
  queryKey: readonly unknown[];
  path: string;
  query?: Record<string, string>;
  empty: string;
  render: (item: T) => ReactNode;
  newHref?: string;
  newLabel?: string;
  testId: string;
}

const pageSize = 10;

export function RelatedList<T extends { id: string }>(props: RelatedListProps<T>) {
  const k = useKitMessages();
  const http = useRecordsHttp();
  const headingId = useId();
  const list = useInfiniteQuery({
    queryKey: [...props.queryKey, { limit: pageSize, related: true }],
    queryFn: ({ pageParam }) => http.get<Page<T>>(props.path, { ...props.query, limit: pageSize, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="record-panel ac-related" aria-labelledby={headingId} data-testid={props.testId}>
      <div className="record-panel-head">
        <h2 id={headingId} className="detail-title">
          {props.title} {items.length > 0 ? <span className="record-count">{list.hasNextPage ? `${items.length}+` : items.length}</span> : null}
        </h2>
        {props.newHref ? (
          <AppLink href={props.newHref} className="button" testId={`${props.testId}-new`}>
            <span aria-hidden="true">+</span> {props.newLabel}
          </AppLink>
        ) : null}
      </div>
      {list.isPending ? (
        <LoadingState text={k.related.loading} />
      ) : list.isError && items.length === 0 ? (
        <LoadFailed error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <>
          <ul className="ac-related-list">
            {items.map((item) => (
              <li key={item.id} className="ac-related-item" data-testid={`${props.testId}-item`}>
                {props.render(item)}
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <button type="button" className="button button-block" disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
              {list.isFetchingNextPage ? <Spinner size="sm" /> : null} {k.related.more}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Stage ids of deals as their pipelines name them; the id itself until loaded or if unknown. */
export function useStageName(): (pipelineId: string, stage: string) => string {
  const http = useRecordsHttp();
  const { data } = useQuery({
    queryKey: ['pipelines', 'list', { for: 'record-pages' }],
    queryFn: () => http.get<{ items: Pipeline[] }>('/api/pipelines'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return (pipelineId, stage) => data?.items.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === stage)?.name ?? stage;
}
