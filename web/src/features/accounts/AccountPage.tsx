import type { Account } from '@shared/domain/accounts/account';
import { contactFullName, type Contact } from '@shared/domain/contacts/contact';
import type { Deal } from '@shared/domain/deals/deal';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { DetailSection } from '../../ui/DetailSection';
import { useUserName } from '../../api/use-users';
import { RecordCardPage } from '../../records/page/RecordCard';
import { recordKeys } from '../../records/records-http';
import { useRecordsMessages } from '../../records/records-messages';
import { formatDay } from '../../records/shared/format';
import { AccountCases } from '../cases';
import { useAccountsMessages } from './accounts-messages';
import { AccountLink } from '../../records/parts/AccountPicker';
import { CustomValuesSection } from '../../records/custom/CustomValuesSection';
import { AddressList, Badge, PhoneList, SystemSection } from '../../records/parts/details';
import { useKitMessages } from '../../records/parts/kit-messages';
import { RelatedList, useStageName } from '../../records/parts/RelatedList';
import '../../styles/records.css';
import '../../styles/accounts-contacts.css';

/**
 * An account's page (REC-2): who the company is, its place in a group (parent, subsidiaries),
 * its contacts and deals, custom values, possible duplicates, activities, files, and its history
 * with notes. A merged account's address shows the survivor.
 */
export function AccountPage({ accountId }: { accountId: string }) {
  const am = useAccountsMessages();
  const k = useKitMessages();
  return (
    <RecordCardPage<Account>
      type="account"
      id={accountId}
      messages={am}
      movedText={k.moved}
      nameOf={(account) => account.name}
      header={(account) => <AccountHeader account={account} />}
      sections={(account) => (
        <>
          <AccountDetails account={account} />
          <AccountRelated account={account} />
        </>
      )}
    />
  );
}

function AccountHeader({ account }: { account: Account }) {
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const userName = useUserName();
  const subtitle = [account.legalName !== account.name ? account.legalName : undefined, account.taxId ? `${m.fields.taxId} ${account.taxId}` : undefined, account.industry]
    .filter(Boolean)
    .join(' · ');
  return (
    <header className="lead-header">
      <div className="lead-heading">
        <h1 id="account-title" data-testid="account-title">
          {account.name}
        </h1>
        {subtitle ? <p className="lead-subtitle">{subtitle}</p> : null}
        <div className="lead-meta">
          <Badge tone={account.status}>{m.statuses[account.status] ?? account.status}</Badge>
          {account.rating ? (
            <span className="ac-rating" title={am.ratingLabel(account.rating)} aria-label={`${m.fields.rating}: ${am.ratingLabel(account.rating)}`}>
              {am.rating(account.rating)}
            </span>
          ) : null}
          {account.parentId ? (
            <span>
              <span className="muted">{am.parentOf}:</span> <AccountLink id={account.parentId} testId="account-parent" />
            </span>
          ) : null}
          <span className="lead-owner">
            <span className="muted">{m.common.owner}:</span> <strong data-testid="account-owner">{userName(account.ownerId)}</strong>
          </span>
        </div>
      </div>
      <div className="lead-actions">
        <AppLink href={`${recordPath('account', account.id)}/edit`} className="button button-primary" testId="record-edit">
          {m.common.edit}
        </AppLink>
      </div>
    </header>
  );
}

function AccountDetails({ account }: { account: Account }) {
  const { t, format } = useI18n();
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const f = (field: string) => m.fields[field] ?? field;
  return (
    <div className="lead-details ac-details">
      <DetailSection
        title={am.section.requisites}
        rows={[
          [f('legalName'), account.legalName],
          [f('taxId'), account.taxId],
          [f('kpp'), account.kpp],
          [f('parentId'), account.parentId ? <AccountLink id={account.parentId} /> : undefined],
        ]}
      />
      <DetailSection
        title={am.section.contact}
        rows={[
          [f('email'), account.email ? <a href={`mailto:${account.email}`}>{account.email}</a> : undefined],
          [f('phones'), account.phones?.length ? <PhoneList phones={account.phones} /> : undefined],
          [
            f('website'),
            account.website ? (
              <a href={account.website} target="_blank" rel="noopener noreferrer" className="break">
                {account.website.replace(/^https?:\/\//, '')}
              </a>
            ) : undefined,
          ],
          [f('addresses'), account.addresses?.length ? <AddressList addresses={account.addresses} /> : undefined],
        ]}
      />
      <DetailSection
        title={am.section.business}
        rows={[
          [f('industry'), account.industry],
          [f('annualRevenue'), account.annualRevenue ? format.money(account.annualRevenue) : undefined],
          [f('employees'), account.employees !== undefined ? am.employees(account.employees) : undefined],
          [f('leadSource'), account.leadSource ? t.channels[account.leadSource] : undefined],
        ]}
      />
      {account.description ? (
        <section className="detail-section ac-wide">
          <h2 className="detail-title">{am.section.description}</h2>
          <p className="pre-line">{account.description}</p>
        </section>
      ) : null}
      <CustomValuesSection type="account" values={account.custom} />
      <SystemSection record={account} />
    </div>
  );
}

function AccountRelated({ account }: { account: Account }) {
  const { format, locale } = useI18n();
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const stageName = useStageName();
  const parent = { parentId: account.id };
  return (
    <>
      <RelatedList<Contact>
        title={am.related.contacts}
        testId="account-contacts"
        queryKey={[...recordKeys.lists('contacts'), parent]}
        path="/api/contacts"
        query={parent}
        empty={am.related.contactsEmpty}
        newHref={`/contacts/new?accountId=${encodeURIComponent(account.id)}`}
        newLabel={am.related.addContact}
        render={(contact) => (
          <>
            <AppLink href={recordPath('contact', contact.id)} className="break">
              {contactFullName(contact)}
            </AppLink>
            <span className="cell-sub">{[contact.jobTitle, contact.emails?.[0]?.address, contact.phones?.[0]?.number].filter(Boolean).join(' · ')}</span>
          </>
        )}
      />
      <RelatedList<Deal>
        title={am.related.deals}
        testId="account-deals"
        queryKey={[...recordKeys.lists('deals'), parent]}
        path="/api/deals"
        query={parent}
        empty={am.related.dealsEmpty}
        newHref={`/deals/new?accountId=${encodeURIComponent(account.id)}`}
        newLabel={am.related.addDeal}
        render={(deal) => (
          <>
            <AppLink href={recordPath('deal', deal.id)} className="break">
              {deal.title}
            </AppLink>
            <span className="cell-sub">
              {[
                stageName(deal.pipelineId, deal.stage),
                deal.amount ? format.money(deal.amount) : undefined,
                deal.expectedCloseDate ? `${m.fields.expectedCloseDate}: ${formatDay(deal.expectedCloseDate, locale)}` : undefined,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </>
        )}
      />
      <AccountCases accountId={account.id} />
      <RelatedList<Account>
        title={am.related.children}
        testId="account-children"
        queryKey={[...recordKeys.lists('accounts'), parent]}
        path="/api/accounts"
        query={parent}
        empty={am.related.childrenEmpty}
        newHref={`/accounts/new?parentId=${encodeURIComponent(account.id)}`}
        newLabel={am.related.addChild}
        render={(child) => (
          <>
            <AppLink href={recordPath('account', child.id)} className="break">
              {child.name}
            </AppLink>
            <span className="cell-sub">{[child.taxId && `${m.fields.taxId} ${child.taxId}`, child.industry, m.statuses[child.status]].filter(Boolean).join(' · ')}</span>
          </>
        )}
      />
    </>
  );
}
