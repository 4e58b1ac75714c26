import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import { currencies } from '@shared/domain/common/values';
import { Field } from '../../../ui/Field';
import { useRecordsMessages } from '../../records/records-messages';
import { useDealsMessages } from '../deals-messages';
import type { CustomDraft } from './custom-drafts';

/**
 * The inputs of a type's custom fields, one per definition, each named `custom.<key>` for its
 * error and test id. Values are drafts (see custom-drafts.ts).
 */
interface CustomFieldsEditorProps {
  idPrefix: string;
  fields: readonly CustomField[];
  values: Record<string, CustomDraft>;
  errors: Record<string, string>;
  onChange: (key: string, value: CustomDraft) => void;
}

export function CustomFieldsEditor({ idPrefix, fields, values, errors, onChange }: CustomFieldsEditorProps) {
  const m = useRecordsMessages();
  const dm = useDealsMessages();
  return (
    <div className="form-grid form-grid-2">
      {fields.map((field) => {
        const id = `${idPrefix}-custom-${field.key}`;
        const name = `custom.${field.key}`;
        const error = errors[name];
        const value = values[field.key];
        const textValue = typeof value === 'string' ? value : '';
        const common = { name, 'data-testid': `record-form-custom-${field.key}` };
        if (field.type === 'multiselect') {
          const chosen = Array.isArray(value) ? value : [];
          return (
            <fieldset key={field.key} className={error ? 'field field-invalid' : 'field'} data-testid={common['data-testid']}>
              <legend className="field-label">
                {field.label}
                {field.required ? <span aria-hidden="true"> *</span> : null}
              </legend>
              {(field.options ?? []).map((option) => (
                <label key={option.value} className="checkbox">
                  <input
                    type="checkbox"
                    name={name}
                    value={option.value}
                    checked={chosen.includes(option.value)}
                    onChange={(event) => onChange(field.key, event.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
                  />{' '}
                  {option.label}
                </label>
              ))}
              {error ? <p className="field-error">{error}</p> : null}
            </fieldset>
          );
        }
        if (field.type === 'money') {
          const money = value && typeof value === 'object' && !Array.isArray(value) ? value : { amount: '', currency: currencies[0] };
          return (
            <Field key={field.key} id={id} label={field.label} error={error} required={field.required}>
              {(aria) => (
                <span className="money-input">
                  <input
                    {...aria}
                    {...common}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={money.amount}
                    onChange={(event) => onChange(field.key, { ...money, amount: event.target.value })}
                  />
                  <select
                    aria-label={`${field.label}: ${dm.fields.currency}`}
                    value={money.currency}
                    onChange={(event) => onChange(field.key, { ...money, currency: event.target.value as (typeof currencies)[number] })}
                  >
                    {currencies.map((currency) => (
                      <option key={currency} value={currency}>
                        {currency}
                      </option>
                    ))}
                  </select>
                </span>
              )}
            </Field>
          );
        }
        return (
          <Field key={field.key} id={id} label={field.label} error={error} required={field.required}>
            {(aria) =>
              field.type === 'select' || field.type === 'boolean' ? (
                <select {...aria} {...common} value={textValue} onChange={(event) => onChange(field.key, event.target.value)}>
                  <option value="">{m.form.notSet}</option>
                  {field.type === 'boolean' ? (
                    <>
                      <option value="true">{m.common.yes}</option>
                      <option value="false">{m.common.no}</option>
                    </>
                  ) : (
                    (field.options ?? []).map((option) => (
                      <option key={option.value} value={option.value}>
                        {option.label}
                      </option>
                    ))
                  )}
                </select>
              ) : (
                <input
                  {...aria}
                  {...common}
                  type={field.type === 'date' ? 'date' : 'text'}
                  inputMode={field.type === 'number' ? 'decimal' : undefined}
                  autoComplete="off"
                  maxLength={field.type === 'text' ? 2000 : undefined}
                  value={textValue}
                  onChange={(event) => onChange(field.key, event.target.value)}
                />
              )
            }
          </Field>
        );
      })}
    </div>
  );
}
