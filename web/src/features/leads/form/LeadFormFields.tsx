import type { ReactNode } from 'react';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { currencies } from '@shared/domain/leads/lead';
import { leadChannels, openLeadStatuses, qualifications } from '@shared/domain/leads/lead-process';
import { useI18n } from '../../../i18n/use-i18n';
import { Field } from '../../../ui/Field';
import { CustomFieldInputs } from '../../../records/custom/CustomFieldInputs';
import { OwnerField } from '../../../records/form/OwnerSelect';
import type { LeadFormErrors } from './lead-form-errors';
import type { LeadFormField, LeadFormValues, TextField } from './lead-form-values';

interface LeadFormFieldsProps {
  mode: 'create' | 'edit';
  values: LeadFormValues;
  errors: LeadFormErrors;
  onChange: <F extends LeadFormField>(field: F, value: LeadFormValues[F]) => void;
  /** A control inside a group changed: its error (`custom.<key>`) goes. */
  onEdited: (key: `custom.${string}`) => void;
  /** The lead type's custom fields (REC-9), in their own group. */
  customFields: readonly CustomField[];
  /** Edit: the source is shown, not edited. */
  sourceSummary?: ReactNode;
}

/** The lead form's fields, grouped; each control is named and test-tagged after its field. */
export function LeadFormFields({ mode, values, errors, onChange, onEdited, customFields, sourceSummary }: LeadFormFieldsProps) {
  const { t } = useI18n();
  const id = (field: LeadFormField) => `lead-${field}`;
  const control = (field: LeadFormField) => ({ name: field, 'data-testid': `lead-form-${field}` });

  const text = (field: TextField, options: { type?: string; autoComplete?: string; inputMode?: 'email' | 'tel'; max?: number } = {}) => (
    <Field id={id(field)} label={t.fields[field]} error={errors[field]}>
      {(aria) => (
        <input
          {...aria}
          {...control(field)}
          type={options.type ?? 'text'}
          autoComplete={options.autoComplete ?? 'off'}
          inputMode={options.inputMode}
          maxLength={options.max}
          value={values[field]}
          onChange={(event) => onChange(field, event.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <fieldset className="form-group">
        <legend>{t.form.groups.person}</legend>
        <p className="form-group-hint">{t.form.identityHint}</p>
        <div className="form-grid form-grid-3">
          {text('lastName', { autoComplete: 'off', max: 100 })}
          {text('firstName', { max: 100 })}
          {text('middleName', { max: 100 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.form.groups.company}</legend>
        <div className="form-grid form-grid-2">
          {text('company', { max: 200 })}
          {text('jobTitle', { max: 200 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.form.groups.contact}</legend>
        <div className="form-grid form-grid-2">
          {text('email', { type: 'email', inputMode: 'email', max: 254 })}
          {text('phone', { type: 'tel', inputMode: 'tel', max: 40 })}
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.form.groups.interest}</legend>
        {text('topic', { max: 500 })}
        <Field id={id('message')} label={t.fields.message} error={errors.message}>
          {(aria) => (
            <textarea {...aria} {...control('message')} rows={4} maxLength={5000} value={values.message} onChange={(event) => onChange('message', event.target.value)} />
          )}
        </Field>
        <div className="form-grid form-grid-budget">
          <Field id={id('budgetAmount')} label={t.form.budgetAmount} error={errors.budgetAmount}>
            {(aria) => (
              <input
                {...aria}
                {...control('budgetAmount')}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={values.budgetAmount}
                onChange={(event) => onChange('budgetAmount', event.target.value)}
              />
            )}
          </Field>
          <Field id={id('budgetCurrency')} label={t.form.budgetCurrency} error={errors.budgetCurrency}>
            {(aria) => (
              <select
                {...aria}
                {...control('budgetCurrency')}
                value={values.budgetCurrency}
                onChange={(event) => onChange('budgetCurrency', event.target.value as LeadFormValues['budgetCurrency'])}
              >
                {currencies.map((currency) => (
                  <option key={currency} value={currency}>
                    {currency}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t.form.groups.work}</legend>
        <div className="form-grid form-grid-3">
          {mode === 'edit' ? (
            <Field id={id('status')} label={t.fields.status} error={errors.status}>
              {(aria) => (
                <select {...aria} {...control('status')} value={values.status} onChange={(event) => onChange('status', event.target.value as LeadFormValues['status'])}>
                  {openLeadStatuses.map((status) => (
                    <option key={status} value={status}>
                      {t.statuses[status]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field id={id('qualification')} label={t.fields.qualification} error={errors.qualification}>
            {(aria) => (
              <select
                {...aria}
                {...control('qualification')}
                value={values.qualification}
                onChange={(event) => onChange('qualification', event.target.value as LeadFormValues['qualification'])}
              >
                <option value="">{t.form.notSet}</option>
                {qualifications.map((qualification) => (
                  <option key={qualification} value={qualification}>
                    {t.qualifications[qualification]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <OwnerField
            id={id('ownerId')}
            label={t.fields.ownerId}
            subject="leads"
            error={errors.ownerId}
            testId="lead-form-ownerId"
            value={values.ownerId}
            onChange={(ownerId) => onChange('ownerId', ownerId)}
            emptyLabel={mode === 'create' ? t.form.ownerMe : undefined}
          />
        </div>
      </fieldset>

      <CustomFieldInputs
        fields={customFields}
        values={values.custom}
        errors={errors as Record<string, string>}
        onChange={(custom) => onChange('custom', custom)}
        onEdited={(key) => onEdited(key as `custom.${string}`)}
        idPrefix="lead"
      />

      <fieldset className="form-group">
        <legend>{t.form.groups.source}</legend>
        {mode === 'create' ? (
          <div className="form-grid form-grid-2">
            <Field id={id('channel')} label={t.form.channel} error={errors.channel}>
              {(aria) => (
                <select {...aria} {...control('channel')} value={values.channel} onChange={(event) => onChange('channel', event.target.value as LeadFormValues['channel'])}>
                  {leadChannels.map((channel) => (
                    <option key={channel} value={channel}>
                      {t.channels[channel]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={id('campaign')} label={t.form.campaign} error={errors.campaign}>
              {(aria) => (
                <input {...aria} {...control('campaign')} type="text" maxLength={200} value={values.campaign} onChange={(event) => onChange('campaign', event.target.value)} />
              )}
            </Field>
          </div>
        ) : (
          <>
            {sourceSummary}
            <p className="form-group-hint">{t.form.sourceReadOnly}</p>
          </>
        )}
      </fieldset>

      {mode === 'create' ? (
        <fieldset className="form-group">
          <legend>{t.form.groups.consent}</legend>
          <div className={errors.consentGiven ? 'field field-invalid' : 'field'}>
            <label className="checkbox">
              <input
                type="checkbox"
                {...control('consentGiven')}
                id={id('consentGiven')}
                checked={values.consentGiven}
                aria-invalid={Boolean(errors.consentGiven)}
                onChange={(event) => onChange('consentGiven', event.target.checked)}
              />
              {t.form.consentGiven}
            </label>
            {errors.consentGiven ? <p className="field-error">{errors.consentGiven}</p> : null}
          </div>
          {values.consentGiven ? (
            <Field id={id('consentText')} label={t.form.consentText} error={errors.consentText}>
              {(aria) => (
                <textarea {...aria} {...control('consentText')} rows={2} maxLength={2000} value={values.consentText} onChange={(event) => onChange('consentText', event.target.value)} />
              )}
            </Field>
          ) : null}
        </fieldset>
      ) : null}
    </>
  );
}
