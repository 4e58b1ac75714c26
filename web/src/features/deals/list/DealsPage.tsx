import { useMemo } from 'react';
import type { Deal } from '@shared/domain/deals/deal';
import { useI18n } from '../../../i18n/use-i18n';
import { AppLink } from '../../../ui/AppLink';
import { recordPath } from '../../../records/record-paths';
import { useUserName } from '../../../api/use-users';
import type { RecordColumn } from '../../../records/list/columns';
import type { RecordsSearch } from '../../../records/list/records-search';
import { RecordListPage } from '../../../records/list/RecordListPage';
import { formatDay } from '../../../records/shared/format';
import { usePipelines, useStageName } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { AccountName } from '../../../records/page/RecordLinks';
import '../../../styles/deals-products.css';

/** The deals list: title, account, amount, stage, owner, close date, created; filtered by stage and owner. */
export function DealsPage({ search }: { search: RecordsSearch }) {
  const { format, locale } = useI18n();
  const dm = useDealsMessages();
  const userName = useUserName();
  const stageName = useStageName();
  const { data: pipelines } = usePipelines();

  const statuses = useMemo(() => {
    const several = (pipelines?.length ?? 0) > 1;
    const seen = new Set<string>();
    const out: { value: string; label: string }[] = [];
    for (const pipeline of pipelines ?? []) {
      for (const stage of pipeline.stages) {
        if (seen.has(stage.id)) continue;
        seen.add(stage.id);
        out.push({ value: stage.id, label: several ? `${stage.name} (${pipeline.name})` : stage.name });
      }
    }
    // A stage in the link that no pipeline has (yet): kept selectable so the filter shows.
    if (search.status && !seen.has(search.status)) out.push({ value: search.status, label: search.status });
    return out;
  }, [pipelines, search.status]);

  const columns = useMemo<RecordColumn<Deal>[]>(
    () => [
      {
        id: 'title',
        label: dm.columns.title,
        sort: 'name',
        required: true,
        className: 'cell-name',
        cell: (deal) => <AppLink href={recordPath('deal', deal.id)}>{deal.title}</AppLink>,
      },
      { id: 'account', label: dm.columns.account, cell: (deal) => (deal.accountId ? <AccountName id={deal.accountId} /> : <span className="muted">—</span>) },
      {
        id: 'amount',
        label: dm.columns.amount,
        className: 'cell-nowrap cell-number',
        cell: (deal) => (deal.amount ? format.money(deal.amount) : <span className="muted">—</span>),
      },
      {
        id: 'stage',
        label: dm.columns.stage,
        cell: (deal) => <span className={`badge deal-stage-badge deal-stage-${stageOutcome(pipelines, deal)}`}>{stageName(deal.pipelineId, deal.stage)}</span>,
      },
      { id: 'owner', label: dm.columns.owner, cell: (deal) => userName(deal.ownerId) },
      {
        id: 'expectedCloseDate',
        label: dm.columns.expectedCloseDate,
        className: 'cell-nowrap',
        cell: (deal) => (deal.expectedCloseDate ? formatDay(deal.expectedCloseDate, locale) : <span className="muted">—</span>),
      },
      { id: 'createdAt', label: dm.columns.created, sort: 'createdAt', className: 'cell-nowrap', cell: (deal) => format.shortDate(deal.createdAt) },
    ],
    [dm, format, locale, userName, stageName, pipelines],
  );

  return (
    <RecordListPage<Deal>
      listId="deals"
      resource="deals"
      recordType="deal"
      customType="deal"
      basePath="/deals"
      search={search}
      title={dm.title}
      caption={dm.caption}
      newHref="/deals/new"
      newLabel={dm.newDeal}
      statuses={statuses}
      statusLabel={dm.columns.stage}
      columns={columns}
      rowHref={(deal) => recordPath('deal', deal.id)}
      recordName={(deal) => deal.title}
      emptyHint={dm.emptyHint}
      testId="deals-page"
    />
  );
}

function stageOutcome(pipelines: { id: string; stages: { id: string; outcome: string }[] }[] | undefined, deal: Deal): string {
  return pipelines?.find((p) => p.id === deal.pipelineId)?.stages.find((s) => s.id === deal.stage)?.outcome ?? 'open';
}
