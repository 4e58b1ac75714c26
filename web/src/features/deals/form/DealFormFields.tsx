import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { currencies } from '@shared/domain/common/values';
import type { Product } from '@shared/domain/products/product';
import { useI18n } from '../../../i18n/use-i18n';
import { Field } from '../../../ui/Field';
import { CustomFieldInputs } from '../../../records/custom/CustomFieldInputs';
import type { FormErrors } from '../../../records/form/form-errors';
import { OwnerField } from '../../../records/form/OwnerSelect';
import type { StoredPipeline } from '../deal-api';
import { useDealsMessages } from '../deals-messages';
import { linesTotal, type Currency, type DealFormValues } from './deal-form-values';
import { LinesEditor } from './LinesEditor';
import { AccountPicker, ContactsPicker } from './PartyPickers';

/** The deal form's fields, grouped; each control is named and test-tagged after its field (`record-form-<field>`), custom fields by the shared kit (`custom-<key>`). */
export type DealFormChange = <F extends keyof DealFormValues>(field: F, value: DealFormValues[F]) => void;

interface DealFormFieldsProps {
  mode: 'create' | 'edit';
  values: DealFormValues;
  errors: FormErrors;
  onChange: DealFormChange;
  /** A custom field's input was edited: its error (`custom.<key>`) goes. */
  onEdited: (key: string) => void;
  pipelines: readonly StoredPipeline[];
  customFields: readonly CustomField[];
  productOf: (id: string) => Product | undefined;
}

export function DealFormFields({ mode, values, errors, onChange, onEdited, pipelines, customFields, productOf }: DealFormFieldsProps) {
  const { format } = useI18n();
  const dm = useDealsMessages();
  const id = (field: string) => `deal-${field}`;
  const control = (field: string) => ({ name: field, 'data-testid': `record-form-${field}` });
  const hasLines = values.lines.length > 0;
  const total = hasLines ? linesTotal(values.lines, productOf) : undefined;
  const pipelineName = pipelines.find((p) => p.id === values.pipelineId)?.name ?? values.pipelineId;

  return (
    <>
      <fieldset className="form-group">
        <legend>{dm.form.groups.main}</legend>
        <Field id={id('title')} label={dm.fields.title} error={errors.title} required>
          {(aria) => <input {...aria} {...control('title')} type="text" autoComplete="off" maxLength={200} value={values.title} onChange={(event) => onChange('title', event.target.value)} />}
        </Field>
        <div className="form-grid form-grid-2">
          {mode === 'create' && pipelines.length > 1 ? (
            <Field id={id('pipelineId')} label={dm.fields.pipeline} error={errors.pipelineId}>
              {(aria) => (
                <select {...aria} {...control('pipelineId')} value={values.pipelineId} onChange={(event) => onChange('pipelineId', event.target.value)}>
                  {pipelines.map((pipeline) => (
                    <option key={pipeline.id} value={pipeline.id}>
                      {pipeline.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : mode === 'edit' && pipelines.length > 1 ? (
            <div className="field">
              <span className="field-label">{dm.fields.pipeline}</span>
              <p className="field-static">{pipelineName}</p>
            </div>
          ) : null}
          <OwnerField
            id={id('ownerId')}
            label={dm.fields.owner}
            subject="deals"
            error={errors.ownerId}
            testId="record-form-ownerId"
            value={values.ownerId}
            onChange={(ownerId) => onChange('ownerId', ownerId)}
            emptyLabel={mode === 'create' ? dm.form.ownerMe : undefined}
          />
        </div>
        <Field id={id('needs')} label={dm.fields.needs} error={errors.needs}>
          {(aria) => <textarea {...aria} {...control('needs')} rows={3} maxLength={5000} value={values.needs} onChange={(event) => onChange('needs', event.target.value)} />}
        </Field>
        <Field id={id('description')} label={dm.fields.description} error={errors.description}>
          {(aria) => <textarea {...aria} {...control('description')} rows={3} maxLength={5000} value={values.description} onChange={(event) => onChange('description', event.target.value)} />}
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{dm.form.groups.parties}</legend>
        <div className="form-grid form-grid-2">
          <AccountPicker id={id('accountId')} value={values.account} error={errors.accountId} onChange={(value) => onChange('account', value)} />
          <ContactsPicker id={id('contactIds')} value={values.contacts} error={errors.contactIds} onChange={(value) => onChange('contacts', value)} />
        </div>
      </fieldset>

      <fieldset className="form-group">
        <legend>{dm.form.groups.lines}</legend>
        <LinesEditor idPrefix="deal" lines={values.lines} productOf={productOf} errors={errors} onChange={(lines) => onChange('lines', lines)} />
      </fieldset>

      <fieldset className="form-group">
        <legend>{dm.form.groups.money}</legend>
        <div className="form-grid form-grid-budget">
          {hasLines ? (
            <div className={errors.amount ? 'field field-invalid' : 'field'}>
              <span className="field-label">{dm.fields.amount}</span>
              <p className="field-static" data-testid="record-form-amount-derived">
                {total ? format.money(total) : '—'}
              </p>
              <p className="field-hint">{dm.lines.amountFromLines}</p>
              {errors.amount ? <p className="field-error">{errors.amount}</p> : null}
            </div>
          ) : (
            <>
              <Field id={id('amount')} label={dm.fields.amount} error={errors.amount}>
                {(aria) => (
                  <input
                    {...aria}
                    {...control('amount')}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={values.amount}
                    onChange={(event) => onChange('amount', event.target.value)}
                  />
                )}
              </Field>
              <Field id={id('currency')} label={dm.fields.currency} error={errors.currency}>
                {(aria) => (
                  <select {...aria} {...control('currency')} value={values.currency} onChange={(event) => onChange('currency', event.target.value as Currency)}>
                    {currencies.map((currency) => (
                      <option key={currency} value={currency}>
                        {currency}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          )}
        </div>
        <div className="form-grid form-grid-2">
          <Field id={id('expectedCloseDate')} label={dm.fields.expectedCloseDate} error={errors.expectedCloseDate}>
            {(aria) => (
              <input {...aria} {...control('expectedCloseDate')} type="date" value={values.expectedCloseDate} onChange={(event) => onChange('expectedCloseDate', event.target.value)} />
            )}
          </Field>
        </div>
      </fieldset>

      <CustomFieldInputs fields={customFields} values={values.custom} errors={errors} onChange={(custom) => onChange('custom', custom)} onEdited={onEdited} idPrefix="deal" />
    </>
  );
}
