import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { currencies } from '@shared/domain/common/values';
import type { Lead } from '@shared/domain/leads/lead';
import { contactFromLead, convertLeadSchema, dealTitleFromLead } from '@shared/domain/leads/lead-conversion';
import { isApiError } from '../../../api/api-error';
import { useI18n } from '../../../i18n/use-i18n';
import { Dialog } from '../../../ui/Dialog';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { Field } from '../../../ui/Field';
import { Spinner } from '../../../ui/Spinner';
import { useGoTo } from '../../../ui/AppLink';
import { issuesOfApi, issuesOfZod, placeIssues, type FormErrors } from '../../../records/form/form-errors';
import { useRecordsMessages } from '../../../records/records-messages';
import type { SearchHit } from '../../../api/search-api';
import { apiErrorMessage } from '../../../api/api-error-message';
import { useLead } from '../shared/use-lead';
import { useConvertLead, usePipelines, type ConvertLeadBody } from './convert-api';
import { useConvertMessages, type ConvertMessages } from './convert-messages';
import { RecordPicker, useSuggestions, type PickType } from './RecordPicker';

/**
 * Converting a lead into a deal (REC-1): by default a new account from the lead's company and a
 * new contact from its person, or existing ones linked instead, or none; the deal's title, amount
 * and pipeline. One request does it all; then the deal opens.
 */
export function ConvertLeadDialog({ lead, open, onClose }: { lead: Lead; open: boolean; onClose: () => void }) {
  const m = useConvertMessages();
  return (
    <Dialog open={open} title={m.title} onClose={onClose} testId="convert-dialog">
      <ConvertLeadForm lead={lead} onCancel={onClose} />
    </Dialog>
  );
}

type Mode = 'create' | 'link' | 'none';
type Currency = (typeof currencies)[number];

/** The form's fields, by the key its errors are placed on. */
const fieldKeys = [
  'accountName',
  'accountPick',
  'contactLastName',
  'contactFirstName',
  'contactEmail',
  'contactPhone',
  'contactPick',
  'dealTitle',
  'dealAmount',
  'dealNeeds',
  'dealPipeline',
  'dealCloseDate',
] as const;
const isFieldKey = (key: string): boolean => (fieldKeys as readonly string[]).includes(key);

const pathToField: Record<string, (typeof fieldKeys)[number]> = {
  account: 'accountPick',
  'account.id': 'accountPick',
  'account.create': 'accountName',
  'account.create.name': 'accountName',
  contact: 'contactPick',
  'contact.id': 'contactPick',
  'contact.create': 'contactLastName',
  'contact.create.lastName': 'contactLastName',
  'contact.create.firstName': 'contactFirstName',
  'contact.create.emails': 'contactEmail',
  'contact.create.phones': 'contactPhone',
  'deal.title': 'dealTitle',
  'deal.amount': 'dealAmount',
  'deal.lines': 'dealAmount',
  'deal.needs': 'dealNeeds',
  'deal.pipelineId': 'dealPipeline',
  'deal.expectedCloseDate': 'dealCloseDate',
};
const fieldOf = (path: string): string | undefined => pathToField[path];

/** "Company — need", else what the server would call the deal. */
function defaultDealTitle(lead: Lead): string {
  const title = [lead.company, lead.topic].filter(Boolean).join(' — ') || dealTitleFromLead(lead);
  return title.slice(0, 200);
}

const fullName = (lead: Lead) => [lead.lastName, lead.firstName].filter(Boolean).join(' ');

function ConvertLeadForm({ lead, onCancel }: { lead: Lead; onCancel: () => void }) {
  const m = useConvertMessages();
  const rm = useRecordsMessages();
  const { t } = useI18n();
  const goTo = useGoTo();
  const convert = useConvertLead(lead.id, (result) => goTo(`/deals/${encodeURIComponent(result.deal.id)}`));
  const { refetch, isFetching: reloading } = useLead(lead.id);
  const pipelines = usePipelines();
  const personal = contactFromLead(lead);

  const [accountMode, setAccountMode] = useState<Mode>(lead.company ? 'create' : 'none');
  const [accountName, setAccountName] = useState(lead.company ?? '');
  const [account, setAccount] = useState<SearchHit | null>(null);
  const [contactMode, setContactMode] = useState<Mode>(personal ? 'create' : 'none');
  const [lastName, setLastName] = useState(personal?.lastName ?? '');
  const [firstName, setFirstName] = useState(personal?.firstName ?? '');
  const [email, setEmail] = useState(lead.email ?? '');
  const [phone, setPhone] = useState(lead.phoneTyped ?? lead.phone ?? '');
  const [contact, setContact] = useState<SearchHit | null>(null);
  const [title, setTitle] = useState(() => defaultDealTitle(lead));
  const [amount, setAmount] = useState(lead.budget ? String(lead.budget.amount) : '');
  const [currency, setCurrency] = useState<Currency>(lead.budget?.currency ?? 'RUB');
  const [pipelineId, setPipelineId] = useState('');
  const [closeDate, setCloseDate] = useState('');
  const [needs, setNeeds] = useState(lead.message ?? '');
  const [errors, setErrors] = useState<FormErrors>({});
  const [other, setOther] = useState<string[]>([]);
  const formRef = useRef<HTMLFormElement>(null);

  /** After a render with errors: the first marked field, else the notice, gets the focus. */
  function focusFirstError() {
    requestAnimationFrame(() => {
      const form = formRef.current;
      const target = form?.querySelector<HTMLElement>('[aria-invalid="true"], .convert-picker .field-error, .notice-error');
      if (target?.matches('.field-error')) target.closest('.convert-picker')?.querySelector<HTMLElement>('input')?.focus();
      else target?.focus();
    });
  }

  const accountSuggest = [lead.company, lead.email];
  const contactSuggest = [lead.email, lead.phone, fullName(lead)];
  const similarAccounts = useSuggestions('account', accountSuggest);
  const similarContacts = useSuggestions('contact', contactSuggest);

  const pipelineList = pipelines.data ?? [];
  const pipeline = pipelineList.find((p) => p.id === pipelineId) ?? pipelineList.find((p) => p.id === 'default') ?? pipelineList[0];
  const firstStage = pipeline?.stages[0];

  function body(amountValue: number | undefined): ConvertLeadBody {
    const contactCreate = {
      ...personal,
      lastName: lastName.trim(),
      ...(firstName.trim() ? { firstName: firstName.trim() } : { firstName: undefined }),
      emails: email.trim() ? [{ kind: 'work' as const, address: email.trim() }] : undefined,
      phones: phone.trim() ? [{ kind: 'mobile' as const, number: phone.trim() }] : undefined,
    };
    return {
      version: lead.version,
      account:
        accountMode === 'none' ? false : accountMode === 'link' ? (account ? { id: account.id } : undefined) : { create: { name: accountName.trim(), leadSource: lead.source.channel } },
      contact: contactMode === 'none' ? false : contactMode === 'link' ? (contact ? { id: contact.id } : undefined) : { create: withoutUndefined(contactCreate) },
      deal: {
        title: title.trim(),
        ...(amountValue !== undefined ? { amount: { amount: amountValue, currency } } : {}),
        ...(needs.trim() ? { needs: needs.trim() } : {}),
        ...(closeDate ? { expectedCloseDate: closeDate } : {}),
        ...(pipeline ? { pipelineId: pipeline.id } : {}),
      },
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const local: FormErrors = {};
    let amountValue: number | undefined;
    if (amount.trim()) {
      amountValue = Number(amount.replace(/[\s\u00a0]/g, '').replace(',', '.'));
      if (!Number.isFinite(amountValue) || amountValue < 0) local.dealAmount = m.errors.invalidNumber;
    }
    if (accountMode === 'link' && !account) local.accountPick = m.account.pickRequired;
    if (contactMode === 'link' && !contact) local.contactPick = m.contact.pickRequired;
    const request = body(amountValue);
    const parsed = convertLeadSchema.safeParse(request);
    const placed = parsed.success ? { fields: {}, other: [] } : placeIssues(issuesOfZod(parsed.error.issues), rm, isFieldKey, fieldOf);
    const fields = { ...placed.fields, ...local };
    if (fields.dealAmount && local.dealAmount === undefined) fields.dealAmount = m.errors.invalidNumber;
    setErrors(fields);
    setOther(placed.other);
    if (Object.keys(fields).length > 0 || placed.other.length > 0) {
      focusFirstError();
      return;
    }
    convert.mutate(request, {
      onError: (error) => {
        if (!isApiError(error) || error.isConflict || error.fields.length === 0 || closedCode(error.fields)) {
          focusFirstError();
          return;
        }
        const fromServer = placeIssues(issuesOfApi(error.fields), rm, isFieldKey, fieldOf);
        setErrors(fromServer.fields);
        setOther(fromServer.other);
        focusFirstError();
      },
    });
  }

  function reload() {
    convert.reset();
    void refetch();
  }

  const failure = convert.isError ? describeFailure(convert.error, m, t) : undefined;
  const pending = convert.isPending;
  const showFix = Object.keys(errors).length > 0 || other.length > 0;
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="dialog-form convert-form" data-testid="convert-form">
      <p>{m.intro}</p>
      {failure ? (
        <ErrorNotice
          action={
            failure.reload ? (
              <button type="button" className="button" onClick={reload} disabled={reloading} data-testid="convert-reload">
                {m.errors.reload}
              </button>
            ) : undefined
          }
        >
          <span data-testid="convert-error">{failure.text}</span>
        </ErrorNotice>
      ) : null}
      {showFix && !failure ? (
        <ErrorNotice>
          {m.errors.fixFields}
          {other.length > 0 ? (
            <ul>
              {other.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : null}
        </ErrorNotice>
      ) : null}

      <fieldset className="form-group convert-group" data-testid="convert-account">
        <legend>{m.account.legend}</legend>
        <ModeChoice
          type="account"
          mode={accountMode}
          onChange={(mode) => {
            setAccountMode(mode);
            // Linking: the most similar account is the likely choice.
            if (mode === 'link' && !account && similarAccounts.hits[0]) setAccount(similarAccounts.hits[0]);
          }}
          labels={{ create: m.account.create, link: m.account.link, none: m.account.none }}
          similar={similarAccounts.hits.length}
          m={m}
        />
        {accountMode === 'create' ? (
          <Field id="convert-account-name" label={m.account.name} error={errors.accountName} required>
            {(aria) => <input {...aria} data-testid="convert-account-name" maxLength={200} value={accountName} onChange={(event) => setAccountName(event.target.value)} />}
          </Field>
        ) : null}
        {accountMode === 'link' ? (
          <RecordPicker type="account" suggest={accountSuggest} selected={account} onSelect={setAccount} error={errors.accountPick} />
        ) : null}
        {accountMode === 'none' && !lead.company ? <p className="form-group-hint">{m.account.noCompany}</p> : null}
      </fieldset>

      <fieldset className="form-group convert-group" data-testid="convert-contact">
        <legend>{m.contact.legend}</legend>
        <ModeChoice
          type="contact"
          mode={contactMode}
          onChange={(mode) => {
            setContactMode(mode);
            if (mode === 'link' && !contact && similarContacts.hits[0]) setContact(similarContacts.hits[0]);
          }}
          labels={{ create: m.contact.create, link: m.contact.link, none: m.contact.none }}
          similar={similarContacts.hits.length}
          m={m}
        />
        {contactMode === 'create' ? (
          <div className="form-grid form-grid-2">
            <Field id="convert-contact-last-name" label={m.contact.lastName} error={errors.contactLastName} required>
              {(aria) => <input {...aria} data-testid="convert-contact-last-name" maxLength={100} value={lastName} onChange={(event) => setLastName(event.target.value)} />}
            </Field>
            <Field id="convert-contact-first-name" label={m.contact.firstName} error={errors.contactFirstName}>
              {(aria) => <input {...aria} data-testid="convert-contact-first-name" maxLength={100} value={firstName} onChange={(event) => setFirstName(event.target.value)} />}
            </Field>
            <Field id="convert-contact-email" label={m.contact.email} error={errors.contactEmail}>
              {(aria) => <input {...aria} type="email" data-testid="convert-contact-email" maxLength={254} value={email} onChange={(event) => setEmail(event.target.value)} />}
            </Field>
            <Field id="convert-contact-phone" label={m.contact.phone} error={errors.contactPhone}>
              {(aria) => <input {...aria} type="tel" data-testid="convert-contact-phone" maxLength={40} value={phone} onChange={(event) => setPhone(event.target.value)} />}
            </Field>
          </div>
        ) : null}
        {contactMode === 'link' ? (
          <RecordPicker type="contact" suggest={contactSuggest} selected={contact} onSelect={setContact} error={errors.contactPick} />
        ) : null}
      </fieldset>

      <fieldset className="form-group convert-group" data-testid="convert-deal">
        <legend>{m.deal.legend}</legend>
        <Field id="convert-deal-title" label={m.deal.title} error={errors.dealTitle} required>
          {(aria) => <input {...aria} data-testid="convert-deal-title" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />}
        </Field>
        <div className="form-grid form-grid-2">
          <Field id="convert-deal-amount" label={m.deal.amount} error={errors.dealAmount} hint={lead.budget ? m.deal.amountFromBudget : m.deal.amountHint}>
            {(aria) => (
              <input {...aria} inputMode="decimal" data-testid="convert-deal-amount" value={amount} onChange={(event) => setAmount(event.target.value)} />
            )}
          </Field>
          <Field id="convert-deal-currency" label={m.deal.currency}>
            {(aria) => (
              <select {...aria} data-testid="convert-deal-currency" value={currency} onChange={(event) => setCurrency(event.target.value as Currency)}>
                {currencies.map((code) => (
                  <option key={code} value={code}>
                    {code}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {pipelineList.length > 1 ? (
            <Field id="convert-deal-pipeline" label={m.deal.pipeline} error={errors.dealPipeline}>
              {(aria) => (
                <select {...aria} data-testid="convert-deal-pipeline" value={pipeline?.id ?? ''} onChange={(event) => setPipelineId(event.target.value)}>
                  {pipelineList.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field id="convert-deal-close-date" label={m.deal.expectedCloseDate} error={errors.dealCloseDate}>
            {(aria) => <input {...aria} type="date" data-testid="convert-deal-close-date" value={closeDate} onChange={(event) => setCloseDate(event.target.value)} />}
          </Field>
        </div>
        <Field id="convert-deal-needs" label={m.deal.needs} error={errors.dealNeeds}>
          {(aria) => <textarea {...aria} rows={3} maxLength={5000} data-testid="convert-deal-needs" value={needs} onChange={(event) => setNeeds(event.target.value)} />}
        </Field>
        {firstStage ? (
          <p className="form-group-hint" data-testid="convert-deal-stage">
            {m.deal.firstStage(firstStage.name)}
          </p>
        ) : null}
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="convert-lead-submit">
          {pending ? <Spinner size="sm" /> : null}
          {pending ? m.submitting : m.submit}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {m.cancel}
        </button>
      </div>
    </form>
  );
}

/** Create, link or leave out: radios, with a nudge when records like the lead's already exist. */
function ModeChoice({
  type,
  mode,
  onChange,
  labels,
  similar,
  m,
}: {
  type: PickType;
  mode: Mode;
  onChange: (mode: Mode) => void;
  labels: Record<Mode, ReactNode>;
  similar: number;
  m: ConvertMessages;
}) {
  return (
    <>
      <div className="convert-modes" role="radiogroup" aria-label={type === 'account' ? m.account.legend : m.contact.legend}>
        {(['create', 'link', 'none'] as const).map((value) => (
          <label key={value} className="checkbox convert-mode">
            <input type="radio" name={`convert-${type}-mode`} value={value} checked={mode === value} onChange={() => onChange(value)} data-testid={`convert-${type}-mode-${value}`} />
            {labels[value]}
          </label>
        ))}
      </div>
      {mode === 'create' && similar > 0 ? (
        <p className="convert-similar" data-testid={`convert-${type}-similar`}>
          {m.picker.suggestionsHint(similar)}{' '}
          <button type="button" className="button-link" onClick={() => onChange('link')}>
            {labels.link}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** The server's refusal that the form cannot fix field by field: a stale version, or a closed lead. */
function closedCode(fields: readonly { code: string }[]): string | undefined {
  return fields.find((field) => field.code === 'already_converted' || field.code === 'closed')?.code;
}

function describeFailure(error: unknown, m: ConvertMessages, t: ReturnType<typeof useI18n>['t']): { text: string; reload: boolean } | undefined {
  if (!isApiError(error)) return { text: t.app.unexpectedError, reload: false };
  if (error.isConflict) return { text: m.errors.conflict, reload: true };
  const closed = closedCode(error.fields);
  if (closed === 'already_converted') return { text: m.errors.alreadyConverted, reload: true };
  if (closed === 'closed') return { text: m.errors.closed, reload: true };
  // Field errors are shown at their fields (and listed above when no field has them).
  if ((error.code === 'validation_failed' || error.code === 'unprocessable') && error.fields.length > 0) return undefined;
  return { text: apiErrorMessage(error, t), reload: false };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
