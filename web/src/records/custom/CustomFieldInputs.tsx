import { currencies } from '@shared/domain/common/values';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { FormErrors } from '../form/form-errors';
import { useRecordsMessages } from '../records-messages';
import { Field } from '../../ui/Field';
import type { CustomInput, CustomInputs } from './custom-form';

/** The inputs of a type's custom fields, each by its type, named and test-tagged `custom-<key>`. */
interface CustomFieldInputsProps {
  fields: readonly CustomField[];
  values: CustomInputs;
  errors: FormErrors;
  onChange: (values: CustomInputs) => void;
  onEdited: (key: string) => void;
  idPrefix: string;
}

export function CustomFieldInputs({ fields, values, errors, onChange, onEdited, idPrefix }: CustomFieldInputsProps) {
  const m = useRecordsMessages();
  if (fields.length === 0) return null;
  const set = (key: string, value: CustomInput) => {
    onChange({ ...values, [key]: value });
    onEdited(`custom.${key}`);
  };

  return (
    <fieldset className="form-group" data-testid="custom-fields">
      <legend>{m.form.customGroup}</legend>
      <div className="form-grid form-grid-2">
        {fields.map((field) => {
          const id = `${idPrefix}-custom-${field.key}`;
          const error = errors[`custom.${field.key}`];
          const value = values[field.key];
          const testId = `custom-${field.key}`;
          if (field.type === 'multiselect') {
            const chosen = Array.isArray(value) ? value : [];
            return (
              <fieldset key={field.key} className={error ? 'field field-invalid ac-choices' : 'field ac-choices'} data-testid={testId} aria-describedby={error ? `${id}-error` : undefined}>
                <legend className="field-label">
                  {field.label}
                  {field.required ? <span className="field-required" aria-hidden="true"> *</span> : null}
                </legend>
                {field.options?.map((option) => (
                  <label key={option.value} className="checkbox">
                    <input
                      type="checkbox"
                      checked={chosen.includes(option.value)}
                      onChange={(event) => set(field.key, event.target.checked ? [...chosen, option.value] : chosen.filter((v) => v !== option.value))}
                    />
                    {option.label}
                  </label>
                ))}
                {error ? (
                  <p className="field-error" id={`${id}-error`}>
                    {error}
                  </p>
                ) : null}
              </fieldset>
            );
          }
          if (field.type === 'money') {
            const money = typeof value === 'object' && !Array.isArray(value) ? value : { amount: '', currency: 'RUB' };
            return (
              <Field key={field.key} id={id} label={field.label} error={error} required={field.required}>
                {(aria) => (
                  <div className="ac-money">
                    <input
                      {...aria}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={`${field.label}: ${m.form.amount}`}
                      data-testid={testId}
                      value={money.amount}
                      onChange={(event) => set(field.key, { ...money, amount: event.target.value })}
                    />
                    <select aria-label={`${field.label}: ${m.form.currency}`} value={money.currency} onChange={(event) => set(field.key, { ...money, currency: event.target.value })}>
                      {currencies.map((currency) => (
                        <option key={currency} value={currency}>
                          {currency}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </Field>
            );
          }
          const text = typeof value === 'string' ? value : '';
          return (
            <Field key={field.key} id={id} label={field.label} error={error} required={field.required}>
              {(aria) =>
                field.type === 'select' || field.type === 'boolean' ? (
                  <select {...aria} data-testid={testId} value={text} onChange={(event) => set(field.key, event.target.value)}>
                    <option value="">{m.form.customChoose}</option>
                    {field.type === 'boolean' ? (
                      <>
                        <option value="true">{m.common.yes}</option>
                        <option value="false">{m.common.no}</option>
                      </>
                    ) : (
                      field.options?.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))
                    )}
                  </select>
                ) : (
                  <input
                    {...aria}
                    data-testid={testId}
                    type={field.type === 'date' ? 'date' : 'text'}
                    inputMode={field.type === 'number' ? 'decimal' : undefined}
                    maxLength={field.type === 'text' ? 2000 : undefined}
                    autoComplete="off"
                    value={text}
                    onChange={(event) => set(field.key, event.target.value)}
                  />
                )
              }
            </Field>
          );
        })}
      </div>
    </fieldset>
  );
}
