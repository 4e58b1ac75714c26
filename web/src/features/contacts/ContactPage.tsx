import { contactFullName, type Contact } from '@shared/domain/contacts/contact';
import type { DealSummary } from '@shared/domain/deals/deal';
import { useI18n } from '../../i18n/use-i18n';
import { AppLink } from '../../ui/AppLink';
import { recordPath } from '../../records/record-paths';
import { DetailSection } from '../../ui/DetailSection';
import { useUserName } from '../../api/use-users';
import { RecordCardPage } from '../../records/page/RecordCard';
import { recordKeys, recordUrl } from '../../records/records-http';
import { useRecordsMessages } from '../../records/records-messages';
import { formatDay } from '../../records/shared/format';
import { AccountLink } from '../../records/parts/AccountPicker';
import { CustomValuesSection } from '../../records/custom/CustomValuesSection';
import { AddressList, Badge, EmailList, PhoneList, SystemSection } from '../../records/parts/details';
import { useKitMessages } from '../../records/parts/kit-messages';
import { RelatedList, useStageName } from '../../records/parts/RelatedList';
import { useContactsMessages } from './contacts-messages';
import { timeIn, zoneLabel } from './time-zones';
import '../../styles/records.css';
import '../../styles/accounts-contacts.css';

/**
 * A contact's page (REC-3): the person by full name (Фамилия Имя Отчество), their company and
 * role, how to reach them, their deals, custom values, possible duplicates, activities, files,
 * and their history with notes. A merged contact's address shows the survivor.
 */
export function ContactPage({ contactId }: { contactId: string }) {
  const cm = useContactsMessages();
  const k = useKitMessages();
  return (
    <RecordCardPage<Contact>
      type="contact"
      id={contactId}
      messages={cm}
      movedText={k.moved}
      nameOf={contactFullName}
      header={(contact) => <ContactHeader contact={contact} />}
      sections={(contact) => (
        <>
          <ContactDetails contact={contact} />
          <ContactDeals contact={contact} />
        </>
      )}
    />
  );
}

function ContactHeader({ contact }: { contact: Contact }) {
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const userName = useUserName();
  const role = [contact.jobTitle, contact.department].filter(Boolean).join(', ');
  return (
    <header className="lead-header">
      <div className="lead-heading">
        <h1 id="contact-title" data-testid="contact-title">
          {contactFullName(contact)}
        </h1>
        {role || contact.accountId ? (
          <p className="lead-subtitle">
            {role}
            {role && contact.accountId ? ' · ' : null}
            {contact.accountId ? <AccountLink id={contact.accountId} testId="contact-account" /> : null}
          </p>
        ) : null}
        <div className="lead-meta">
          <Badge tone={contact.status}>{m.statuses[contact.status] ?? contact.status}</Badge>
          {contact.emailOptOut ? <span className="badge ac-optout">{cm.optOut}</span> : null}
          <span className="lead-owner">
            <span className="muted">{m.common.owner}:</span> <strong data-testid="contact-owner">{userName(contact.ownerId)}</strong>
          </span>
        </div>
      </div>
      <div className="lead-actions">
        <AppLink href={`${recordPath('contact', contact.id)}/edit`} className="button button-primary" testId="record-edit">
          {m.common.edit}
        </AppLink>
      </div>
    </header>
  );
}

function ContactDetails({ contact }: { contact: Contact }) {
  const { locale } = useI18n();
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const f = (field: string) => m.fields[field] ?? field;
  const now = contact.timeZone ? timeIn(contact.timeZone, locale) : undefined;
  return (
    <div className="lead-details ac-details">
      <DetailSection
        title={cm.section.person}
        rows={[
          [f('lastName'), contact.lastName],
          [f('firstName'), contact.firstName],
          [f('middleName'), contact.middleName],
          [f('accountId'), contact.accountId ? <AccountLink id={contact.accountId} /> : undefined],
          [f('jobTitle'), contact.jobTitle],
          [f('department'), contact.department],
        ]}
      />
      <DetailSection
        title={cm.section.contact}
        rows={[
          [f('phones'), contact.phones?.length ? <PhoneList phones={contact.phones} /> : undefined],
          [f('emails'), contact.emails?.length ? <EmailList emails={contact.emails} /> : undefined],
          [f('timeZone'), contact.timeZone ? `${zoneLabel(contact.timeZone, locale)}${now ? ` · ${cm.localTime(now)}` : ''}` : undefined],
          [f('addresses'), contact.addresses?.length ? <AddressList addresses={contact.addresses} /> : undefined],
          [
            f('socialLinks'),
            contact.socialLinks?.length ? (
              <ul className="ac-values">
                {contact.socialLinks.map((link, i) => (
                  <li key={i}>
                    <span className="muted">{link.network}:</span>{' '}
                    <a href={link.url} target="_blank" rel="noopener noreferrer" className="break">
                      {link.url.replace(/^https?:\/\//, '')}
                    </a>
                  </li>
                ))}
              </ul>
            ) : undefined,
          ],
          [f('emailOptOut'), contact.emailOptOut ? m.common.yes : undefined],
        ]}
      />
      <DetailSection
        title={cm.section.personal}
        rows={[
          [f('birthDate'), contact.birthDate ? `${formatDay(contact.birthDate, locale)}${ageOf(contact.birthDate) !== undefined ? ` (${cm.age(ageOf(contact.birthDate) ?? 0)})` : ''}` : undefined],
          [f('bio'), contact.bio ? <span className="pre-line">{contact.bio}</span> : undefined],
          [f('family'), contact.family ? <span className="pre-line">{contact.family}</span> : undefined],
          [f('interests'), contact.interests ? <span className="pre-line">{contact.interests}</span> : undefined],
        ]}
      />
      <CustomValuesSection type="contact" values={contact.custom} />
      <SystemSection record={contact} />
    </div>
  );
}

/** Full years since a `YYYY-MM-DD` birth date, by the calendar. */
function ageOf(birthDate: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const today = new Date();
  const [y, mo, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age -= 1;
  return age >= 0 && age < 150 ? age : undefined;
}

/** The deals the contact takes part in (`GET /api/contacts/{id}/deals`: the deals' summaries kept under the contact). */
function ContactDeals({ contact }: { contact: Contact }) {
  const { format, locale } = useI18n();
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const stageName = useStageName();
  return (
    <RelatedList<DealSummary>
      title={cm.deals}
      testId="contact-deals"
      queryKey={[...recordKeys.lists('deals'), { contactId: contact.id }]}
      path={`${recordUrl('contacts', contact.id)}/deals`}
      empty={cm.dealsEmpty}
      newHref={`/deals/new?${new URLSearchParams({ contactId: contact.id, ...(contact.accountId ? { accountId: contact.accountId } : {}) }).toString()}`}
      newLabel={cm.addDeal}
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
  );
}
