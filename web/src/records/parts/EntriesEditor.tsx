import type { FormErrors } from '../form/form-errors';
import { useRecordsMessages } from '../records-messages';
import { useKitMessages } from './kit-messages';
import type { AnyRow } from './entries';

/**
 * Several phones, emails, addresses or links, each of a kind: a row per entry with its own
 * errors (`phones.1.number`), a remove button per row, and "add" up to the schema's limit.
 */
interface EntryInput {
  field: string;
  label: string;
  type?: 'text' | 'tel' | 'email' | 'url';
  max?: number;
  wide?: boolean;
  autoComplete?: string;
}

interface EntriesEditorProps<R extends AnyRow> {
  /** The API field: `phones`; ids, names and test ids derive from it. */
  name: string;
  legend: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  errors: FormErrors;
  onEdited: (key: string) => void;
  kinds?: readonly string[];
  inputs: EntryInput[];
  addLabel: string;
  blank: () => R;
  max?: number;
  idPrefix: string;
}

export function EntriesEditor<R extends AnyRow>(props: EntriesEditorProps<R>) {
  const m = useRecordsMessages();
  const k = useKitMessages();
  const { name, rows, errors } = props;
  const max = props.max ?? 10;
  const listError = errors[name];

  const update = (index: number, field: string, value: string) => {
    props.onChange(rows.map((row, i) => (i === index ? { ...row, [field]: value } : row)));
    props.onEdited(`${name}.${index}.${field}`);
    props.onEdited(`${name}.${index}`);
  };

  return (
    <fieldset className="ac-entries" data-testid={`entries-${name}`}>
      <legend className="field-label">{props.legend}</legend>
      {listError ? <p className="field-error">{listError}</p> : null}
      {rows.length > 0 ? (
        <ol className="ac-entry-list">
          {rows.map((row, index) => {
            const rowError = errors[`${name}.${index}`];
            return (
              <li key={row.key} className="ac-entry" aria-label={k.entries.rowLabel(props.legend, index + 1)}>
                <div className="ac-entry-fields">
                  {props.kinds ? (
                    <div className="field ac-entry-kind">
                      <label className="field-label" htmlFor={`${props.idPrefix}-${name}-${index}-kind`}>
                        {m.form.kind}
                      </label>
                      <select
                        id={`${props.idPrefix}-${name}-${index}-kind`}
                        value={row.kind}
                        data-testid={`${name}-${index}-kind`}
                        onChange={(event) => update(index, 'kind', event.target.value)}
                      >
                        {props.kinds.map((kind) => (
                          <option key={kind} value={kind}>
                            {m.kinds[kind] ?? kind}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : null}
                  {props.inputs.map((input) => {
                    const key = `${name}.${index}.${input.field}`;
                    const error = errors[key];
                    const id = `${props.idPrefix}-${name}-${index}-${input.field}`;
                    return (
                      <div key={input.field} className={['field', input.wide ? 'ac-entry-wide' : '', error ? 'field-invalid' : ''].filter(Boolean).join(' ')}>
                        <label className="field-label" htmlFor={id}>
                          {input.label}
                        </label>
                        <input
                          id={id}
                          type={input.type ?? 'text'}
                          inputMode={input.type === 'tel' ? 'tel' : input.type === 'email' ? 'email' : undefined}
                          autoComplete={input.autoComplete ?? 'off'}
                          maxLength={input.max}
                          value={row[input.field] ?? ''}
                          aria-invalid={Boolean(error)}
                          aria-describedby={error ? `${id}-error` : undefined}
                          data-testid={`${name}-${index}-${input.field}`}
                          onChange={(event) => update(index, input.field, event.target.value)}
                        />
                        {error ? (
                          <p className="field-error" id={`${id}-error`}>
                            {error}
                          </p>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
                <button
                  type="button"
                  className="button button-link ac-entry-remove"
                  aria-label={k.entries.removeRow(index + 1)}
                  title={m.form.remove}
                  onClick={() => {
                    props.onChange(rows.filter((_, i) => i !== index));
                    props.onEdited(name);
                  }}
                >
                  <span aria-hidden="true">✕</span>
                </button>
                {rowError ? <p className="field-error ac-entry-error">{rowError}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {rows.length < max ? (
        <button type="button" className="button" data-testid={`${name}-add`} onClick={() => props.onChange([...rows, props.blank()])}>
          <span aria-hidden="true">+</span> {props.addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
