import { useMemo } from 'react';
import { contactAddressKinds, contactEmailKinds, contactPhoneKinds, contactStatuses } from '@shared/domain/contacts/contact';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { useI18n } from '../../i18n/use-i18n';
import { Field } from '../../ui/Field';
import { OwnerField } from '../../records/form/OwnerSelect';
import { useRecordsMessages } from '../../records/records-messages';
import { AccountPicker } from '../../records/parts/AccountPicker';
import { CustomFieldInputs } from '../../records/custom/CustomFieldInputs';
import { EntriesEditor } from '../../records/parts/EntriesEditor';
import { useKitMessages } from '../../records/parts/kit-messages';
import { rowKey, type RecordForm } from '../../records/form/record-form';
import { useContactsMessages } from './contacts-messages';
import type { ContactFormValues, ContactTextField } from './contact-form-values';
import { zoneGroups, zoneLabel } from './time-zones';

/** Every field of a contact, grouped; each control is named and test-tagged `contact-form-<field>`. */
export function ContactFormFields({ mode, form, customFields }: { mode: 'create' | 'edit'; form: RecordForm<ContactFormValues>; customFields: readonly CustomField[] }) {
  const { locale } = useI18n();
  const m = useRecordsMessages();
  const cm = useContactsMessages();
  const k = useKitMessages();
  const zones = useMemo(() => zoneGroups(locale), [locale]);
  const { values, errors, change } = form;
  const id = (field: string) => `contact-${field}`;
  const label = (field: string) => m.fields[field] ?? field;

  const text = (field: ContactTextField, options: { max?: number; required?: boolean; autoComplete?: string; hint?: string } = {}) => (
    <Field id={id(field)} label={label(field)} error={errors[field]} required={options.required} hint={options.hint}>
      {(aria) => (
        <input
          {...aria}
          name={field}
          data-testid={`contact-form-${field}`}
          type="text"
          autoComplete={options.autoComplete ?? 'off'}
          maxLength={options.max}
          value={values[field]}
          onChange={(event) => change(field, event.target.value)}
        />
      )}
    </Field>
  );
  const area = (field: ContactTextField, max: number, rows = 3) => (
    <Field id={id(field)} label={label(field)} error={errors[field]}>
      {(aria) => <textarea {...aria} name={field} data-testid={`contact-form-${field}`} rows={rows} maxLength={max} value={values[field]} onChange={(event) => change(field, event.target.value)} />}
    </Field>
  );

  const zoneKnown = values.timeZone === '' || [...zones.russia, ...zones.kazakhstan, ...zones.other].some((z) => z.zone === values.timeZone);
  return (
    <>
      <fieldset className="form-group">
        <legend>{cm.groups.person}</legend>
        <p className="form-group-hint">{cm.hints.name}</p>
        <div className="form-grid form-grid-3">
          {text('lastName', { max: 100, required: true })}
          {text('firstName', { max: 100 })}
          {text('middleName', { max: 100 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.groups.work}</legend>
        <AccountPicker
          label={label('accountId')}
          value={values.account}
          onChange={(account) => {
            change('account', account);
            form.dropError('accountId');
          }}
          error={errors.accountId}
          testId="contact-form-account"
        />
        <div className="form-grid form-grid-2">
          {text('jobTitle', { max: 200 })}
          {text('department', { max: 200 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.groups.contact}</legend>
        <EntriesEditor
          name="phones"
          idPrefix="contact"
          legend={label('phones')}
          rows={values.phones}
          onChange={(rows) => change('phones', rows)}
          errors={errors}
          onEdited={form.dropError}
          kinds={contactPhoneKinds}
          inputs={[{ field: 'number', label: k.entries.number, type: 'tel', max: 40 }]}
          addLabel={k.entries.addPhone}
          blank={() => ({ key: rowKey(), kind: 'mobile', number: '' })}
        />
        <EntriesEditor
          name="emails"
          idPrefix="contact"
          legend={label('emails')}
          rows={values.emails}
          onChange={(rows) => change('emails', rows)}
          errors={errors}
          onEdited={form.dropError}
          kinds={contactEmailKinds}
          inputs={[{ field: 'address', label: k.entries.address, type: 'email', max: 254 }]}
          addLabel={k.entries.addEmail}
          blank={() => ({ key: rowKey(), kind: 'work', address: '' })}
        />
        <EntriesEditor
          name="addresses"
          idPrefix="contact"
          legend={label('addresses')}
          rows={values.addresses}
          onChange={(rows) => change('addresses', rows)}
          errors={errors}
          onEdited={form.dropError}
          kinds={contactAddressKinds}
          inputs={[
            { field: 'line', label: k.entries.line, max: 300, wide: true },
            { field: 'city', label: k.entries.city, max: 100 },
            { field: 'region', label: k.entries.region, max: 100 },
            { field: 'postalCode', label: k.entries.postalCode, max: 12 },
            { field: 'country', label: k.entries.country, max: 100 },
          ]}
          addLabel={k.entries.addAddress}
          blank={() => ({ key: rowKey(), kind: 'work', line: '', city: '', region: '', postalCode: '', country: '' })}
        />
        <EntriesEditor
          name="socialLinks"
          idPrefix="contact"
          legend={label('socialLinks')}
          rows={values.socialLinks}
          onChange={(rows) => change('socialLinks', rows)}
          errors={errors}
          onEdited={form.dropError}
          inputs={[
            { field: 'network', label: k.entries.network, max: 50 },
            { field: 'url', label: k.entries.url, type: 'url', max: 500, wide: true },
          ]}
          addLabel={k.entries.addLink}
          blank={() => ({ key: rowKey(), network: '', url: '' })}
        />
        <Field id={id('timeZone')} label={label('timeZone')} error={errors.timeZone} hint={cm.hints.timeZone}>
          {(aria) => (
            <select {...aria} name="timeZone" data-testid="contact-form-timeZone" value={values.timeZone} onChange={(event) => change('timeZone', event.target.value)}>
              <option value="">{cm.timeZones.choose}</option>
              {!zoneKnown ? <option value={values.timeZone}>{zoneLabel(values.timeZone, locale)}</option> : null}
              <optgroup label={cm.timeZones.russia}>
                {zones.russia.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {z.label}
                  </option>
                ))}
              </optgroup>
              <optgroup label={cm.timeZones.kazakhstan}>
                {zones.kazakhstan.map((z) => (
                  <option key={z.zone} value={z.zone}>
                    {z.label}
                  </option>
                ))}
              </optgroup>
              {zones.other.length > 0 ? (
                <optgroup label={cm.timeZones.other}>
                  {zones.other.map((z) => (
                    <option key={z.zone} value={z.zone}>
                      {z.label}
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.groups.personal}</legend>
        <div className="form-grid form-grid-3">
          <Field id={id('birthDate')} label={label('birthDate')} error={errors.birthDate}>
            {(aria) => (
              <input
                {...aria}
                name="birthDate"
                data-testid="contact-form-birthDate"
                type="date"
                min="1900-01-01"
                max={new Date().toISOString().slice(0, 10)}
                value={values.birthDate}
                onChange={(event) => change('birthDate', event.target.value)}
              />
            )}
          </Field>
        </div>
        {area('bio', 5000, 3)}
        <div className="form-grid form-grid-2">
          {area('family', 2000, 2)}
          {area('interests', 2000, 2)}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.groups.consent}</legend>
        <div className={errors.emailOptOut ? 'field field-invalid' : 'field'}>
          <label className="checkbox">
            <input
              type="checkbox"
              id={id('emailOptOut')}
              name="emailOptOut"
              data-testid="contact-form-emailOptOut"
              checked={values.emailOptOut}
              aria-invalid={Boolean(errors.emailOptOut)}
              aria-describedby={`${id('emailOptOut')}-hint`}
              onChange={(event) => change('emailOptOut', event.target.checked)}
            />
            {cm.optOutLabel}
          </label>
          <p className="field-hint" id={`${id('emailOptOut')}-hint`}>
            {cm.hints.optOut}
          </p>
          {errors.emailOptOut ? <p className="field-error">{errors.emailOptOut}</p> : null}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{cm.groups.management}</legend>
        <div className="form-grid form-grid-2">
          <Field id={id('status')} label={label('status')} error={errors.status}>
            {(aria) => (
              <select {...aria} name="status" data-testid="contact-form-status" value={values.status} onChange={(event) => change('status', event.target.value as ContactFormValues['status'])}>
                {mode === 'create' ? <option value="">{m.form.notSet}</option> : null}
                {contactStatuses.map((status) => (
                  <option key={status} value={status}>
                    {m.statuses[status] ?? status}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <OwnerField
            id={id('ownerId')}
            label={label('ownerId')}
            subject="contacts"
            error={errors.ownerId}
            testId="contact-form-ownerId"
            value={values.ownerId}
            onChange={(ownerId) => change('ownerId', ownerId)}
            emptyLabel={mode === 'create' ? m.form.ownerMe : undefined}
          />
        </div>
      </fieldset>

      <CustomFieldInputs fields={customFields} values={values.custom} errors={errors} onChange={(custom) => change('custom', custom)} onEdited={form.dropError} idPrefix="contact" />
    </>
  );
}
