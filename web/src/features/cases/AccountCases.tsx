import type { Case } from '@shared/domain/cases/case';
import { useCan } from '../../auth/use-can';
import { useI18n } from '../../i18n/use-i18n';
import { RelatedList } from '../../records/parts/RelatedList';
import { AppLink } from '../../ui/AppLink';
import { recordKeys } from '../../records/records-http';
import { casePath, newCasePath } from './case-paths';
import { CaseBadge } from './CaseParts';
import { useCasesMessages } from './cases-messages';

/** An account's cases on its card, newest first, and a new case of the account, for the roles that may. */
export function AccountCases({ accountId }: { accountId: string }) {
  const { format } = useI18n();
  const cm = useCasesMessages();
  const can = useCan();
  if (!can('cases', 'read')) return null;
  const parent = { parentId: accountId };
  return (
    <RelatedList<Case>
      title={cm.related.title}
      testId="account-cases"
      queryKey={[...recordKeys.lists('cases'), parent]}
      path="/api/cases"
      query={parent}
      empty={cm.related.empty}
      {...(can('cases', 'create') ? { newHref: newCasePath(accountId), newLabel: cm.related.add } : {})}
      render={(item) => (
        <>
          <AppLink href={casePath(item.id)} className="break">
            {item.subject}
          </AppLink>
          <span className="cell-sub">
            <CaseBadge facet="status" value={item.status} /> {[cm.priorities[item.priority], format.shortDate(item.updatedAt)].join(' · ')}
          </span>
        </>
      )}
    />
  );
}
