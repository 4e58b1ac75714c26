import { accountAddressKinds, accountPhoneKinds, accountStatuses } from '@shared/domain/accounts/account';
import { currencies } from '@shared/domain/common/values';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { leadChannels } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../i18n/use-i18n';
import { Field } from '../../ui/Field';
import { OwnerField } from '../../records/form/OwnerSelect';
import { useRecordsMessages } from '../../records/records-messages';
import { useAccountsMessages } from './accounts-messages';
import type { AccountFormValues, AccountTextField } from './account-form-values';
import { AccountPicker } from '../../records/parts/AccountPicker';
import { CustomFieldInputs } from '../../records/custom/CustomFieldInputs';
import { EntriesEditor } from '../../records/parts/EntriesEditor';
import { rowKey } from '../../records/form/record-form';
import type { RecordForm } from '../../records/form/record-form';
import { useKitMessages } from '../../records/parts/kit-messages';

/** Every field of an account, grouped; each control is named and test-tagged `account-form-<field>`. */
export function AccountFormFields({ mode, form, customFields, selfId }: { mode: 'create' | 'edit'; form: RecordForm<AccountFormValues>; customFields: readonly CustomField[]; selfId?: string }) {
  const { t } = useI18n();
  const m = useRecordsMessages();
  const am = useAccountsMessages();
  const k = useKitMessages();
  const { values, errors, change } = form;
  const id = (field: string) => `account-${field}`;

  const text = (field: AccountTextField, options: { type?: string; max?: number; hint?: string; required?: boolean; inputMode?: 'email' | 'url' | 'numeric' } = {}) => (
    <Field id={id(field)} label={m.fields[field] ?? field} error={errors[field]} hint={options.hint} required={options.required}>
      {(aria) => (
        <input
          {...aria}
          name={field}
          data-testid={`account-form-${field}`}
          type={options.type ?? 'text'}
          inputMode={options.inputMode}
          autoComplete="off"
          maxLength={options.max}
          value={values[field]}
          onChange={(event) => change(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="form-group">
        <legend>{am.groups.company}</legend>
        <div className="form-grid form-grid-2">
          {text('name', { max: 200, required: true })}
          {text('legalName', { max: 300 })}
        </div>
        <AccountPicker
          label={m.fields.parentId ?? 'parentId'}
          value={values.parent}
          onChange={(parent) => {
            change('parent', parent);
            form.dropError('parentId');
          }}
          error={errors.parentId}
          {...(selfId ? { excludeId: selfId } : {})}
          testId="account-form-parent"
        />
        <p className="form-group-hint">{am.hints.parent}</p>
      </fieldset>

      <fieldset className="form-group">
        <legend>{am.groups.requisites}</legend>
        <div className="form-grid form-grid-3">
          {text('taxId', { max: 14, hint: am.hints.taxId, inputMode: 'numeric' })}
          {text('kpp', { max: 11, inputMode: 'numeric' })}
          {text('industry', { max: 100 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{am.groups.contact}</legend>
        <div className="form-grid form-grid-2">
          {text('email', { type: 'email', max: 254, inputMode: 'email' })}
          {text('website', { type: 'url', max: 500, hint: am.hints.website, inputMode: 'url' })}
        </div>
        <EntriesEditor
          name="phones"
          idPrefix="account"
          legend={m.fields.phones ?? 'phones'}
          rows={values.phones}
          onChange={(rows) => change('phones', rows)}
          errors={errors}
          onEdited={form.dropError}
          kinds={accountPhoneKinds}
          inputs={[{ field: 'number', label: k.entries.number, type: 'tel', max: 40 }]}
          addLabel={k.entries.addPhone}
          blank={() => ({ key: rowKey(), kind: 'work', number: '' })}
        />
        <EntriesEditor
          name="addresses"
          idPrefix="account"
          legend={m.fields.addresses ?? 'addresses'}
          rows={values.addresses}
          onChange={(rows) => change('addresses', rows)}
          errors={errors}
          onEdited={form.dropError}
          kinds={accountAddressKinds}
          inputs={[
            { field: 'line', label: k.entries.line, max: 300, wide: true },
            { field: 'city', label: k.entries.city, max: 100 },
            { field: 'region', label: k.entries.region, max: 100 },
            { field: 'postalCode', label: k.entries.postalCode, max: 12 },
            { field: 'country', label: k.entries.country, max: 100 },
          ]}
          addLabel={k.entries.addAddress}
          blank={() => ({ key: rowKey(), kind: 'office', line: '', city: '', region: '', postalCode: '', country: '' })}
        />
      </fieldset>

      <fieldset className="form-group">
        <legend>{am.groups.business}</legend>
        <div className="form-grid form-grid-3">
          <Field id={id('revenueAmount')} label={m.fields.annualRevenue ?? 'annualRevenue'} error={errors.annualRevenue}>
            {(aria) => (
              <div className="ac-money">
                <input
                  {...aria}
                  name="annualRevenue"
                  data-testid="account-form-annualRevenue"
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={values.revenueAmount}
                  onChange={(event) => {
                    change('revenueAmount', event.target.value);
                    form.dropError('annualRevenue');
                  }}
                />
                <select
                  aria-label={k.money.currency}
                  data-testid="account-form-revenueCurrency"
                  value={values.revenueCurrency}
                  onChange={(event) => change('revenueCurrency', event.target.value as AccountFormValues['revenueCurrency'])}
                >
                  {currencies.map((currency) => (
                    <option key={currency} value={currency}>
                      {currency}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
          <Field id={id('employees')} label={m.fields.employees ?? 'employees'} error={errors.employees}>
            {(aria) => (
              <input
                {...aria}
                name="employees"
                data-testid="account-form-employees"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                value={values.employees}
                onChange={(event) => change('employees', event.target.value)}
              />
            )}
          </Field>
          <Field id={id('leadSource')} label={m.fields.leadSource ?? 'leadSource'} error={errors.leadSource}>
            {(aria) => (
              <select {...aria} name="leadSource" data-testid="account-form-leadSource" value={values.leadSource} onChange={(event) => change('leadSource', event.target.value as AccountFormValues['leadSource'])}>
                <option value="">{m.form.notSet}</option>
                {leadChannels.map((channel) => (
                  <option key={channel} value={channel}>
                    {t.channels[channel]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field id={id('description')} label={m.fields.description ?? 'description'} error={errors.description}>
          {(aria) => (
            <textarea {...aria} name="description" data-testid="account-form-description" rows={4} maxLength={5000} value={values.description} onChange={(event) => change('description', event.target.value)} />
          )}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{am.groups.work}</legend>
        <div className="form-grid form-grid-3">
          <Field id={id('status')} label={m.fields.status ?? 'status'} error={errors.status}>
            {(aria) => (
              <select {...aria} name="status" data-testid="account-form-status" value={values.status} onChange={(event) => change('status', event.target.value as AccountFormValues['status'])}>
                {mode === 'create' ? <option value="">{m.form.notSet}</option> : null}
                {accountStatuses.map((status) => (
                  <option key={status} value={status}>
                    {m.statuses[status] ?? status}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id('rating')} label={m.fields.rating ?? 'rating'} error={errors.rating}>
            {(aria) => (
              <select {...aria} name="rating" data-testid="account-form-rating" value={values.rating} onChange={(event) => change('rating', event.target.value)}>
                <option value="">{m.form.notSet}</option>
                {[5, 4, 3, 2, 1].map((n) => (
                  <option key={n} value={String(n)}>
                    {am.rating(n)} · {am.ratingLabel(n)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <OwnerField
            id={id('ownerId')}
            label={m.fields.ownerId ?? 'ownerId'}
            subject="accounts"
            error={errors.ownerId}
            testId="account-form-ownerId"
            value={values.ownerId}
            onChange={(ownerId) => change('ownerId', ownerId)}
            emptyLabel={mode === 'create' ? m.form.ownerMe : undefined}
          />
        </div>
      </fieldset>

      <CustomFieldInputs fields={customFields} values={values.custom} errors={errors} onChange={(custom) => change('custom', custom)} onEdited={form.dropError} idPrefix="account" />
    </>
  );
}
