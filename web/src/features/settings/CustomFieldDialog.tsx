import { useId, useState, type FormEvent } from 'react';
import { customFieldSchema, customFieldTypes, type CustomFieldType } from '@shared/domain/custom-fields/custom-field';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { issuesOfZod } from '../../records/form/form-errors';
import { useRecordsMessages } from '../../records/records-messages';
import { draftId, fieldOf, isChoice, moved, type FieldDraft, type OptionDraft } from './custom-field-draft';
import { fieldIssueText, type RowErrors } from './settings-issues';
import { useSettingsMessages } from './settings-messages';
import { suggestFieldKey, suggestOptionValue } from './suggest-key';

/**
 * Adding or editing one custom field: label, key (suggested from the label by transliteration,
 * fixed once saved), type (fixed once saved: the API refuses a change), the options of a choice
 * field, required and in-list. "Done" puts the field into the page's draft; the page saves the set.
 */
interface CustomFieldDialogProps {
  draft: FieldDraft;
  /** The other fields' keys, which this one may not take. */
  otherKeys: readonly string[];
  /** Issues the last save found on this field, by property path. */
  initialErrors: RowErrors;
  onApply: (draft: FieldDraft) => void;
  onClose: () => void;
}

export function CustomFieldDialog({ draft: initial, otherKeys, initialErrors, onApply, onClose }: CustomFieldDialogProps) {
  const m = useSettingsMessages();
  const rm = useRecordsMessages();
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [keyTouched, setKeyTouched] = useState(initial.saved || (initial.key !== '' && initial.key !== suggestFieldKey(initial.label, otherKeys)));
  const [errors, setErrors] = useState<RowErrors>(initialErrors);
  const f = m.fields;

  const clear = (...paths: string[]) =>
    setErrors((current) => {
      const next = { ...current };
      for (const path of paths) delete next[path];
      return next;
    });

  function setLabel(label: string) {
    setDraft((d) => ({ ...d, label, ...(!d.saved && !keyTouched ? { key: suggestFieldKey(label, otherKeys) } : {}) }));
    clear('label', ...(keyTouched ? [] : ['key']));
  }

  function setOptions(change: (options: OptionDraft[]) => OptionDraft[]) {
    setDraft((d) => ({ ...d, options: change(d.options) }));
    // Option errors are by position; after a change they may name another option.
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('options'))));
  }

  function setOption(uid: string, change: Partial<OptionDraft>) {
    setOptions((options) =>
      options.map((option) => {
        if (option.uid !== uid) return option;
        const next = { ...option, ...change };
        if (change.label !== undefined && !option.saved && !option.valueTouched) {
          next.value = suggestOptionValue(change.label, options.filter((o) => o.uid !== uid).map((o) => o.value));
        }
        return next;
      }),
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const field = fieldOf(draft);
    const found: RowErrors = {};
    const parsed = customFieldSchema.safeParse(field);
    if (!parsed.success) {
      for (const issue of issuesOfZod(parsed.error.issues)) found[issue.path] ??= fieldIssueText(issue, m, rm);
    }
    if (field.key && otherKeys.includes(field.key)) found.key ??= f.keyTaken;
    setErrors(found);
    if (Object.keys(found).length) {
      // The first control in error takes the focus, so the reason is read out.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-settings-field="${id}"] [aria-invalid="true"]`)?.focus());
      return;
    }
    onApply({ ...draft, key: field.key, label: field.label, options: isChoice(draft.type) ? draft.options.map((o) => ({ ...o, value: o.value.trim(), label: o.label.trim() })) : [] });
  }

  const optionsError = errors.options;
  return (
    <Dialog open title={initial.label ? f.editTitle(initial.label) : f.addTitle} onClose={onClose} testId="custom-field-dialog">
      <form className="dialog-form settings-field-form" onSubmit={submit} noValidate data-settings-field={id}>
        <Field id={`${id}-label`} label={f.label} required error={errors.label}>
          {(aria) => <input {...aria} type="text" value={draft.label} maxLength={100} autoComplete="off" onChange={(e) => setLabel(e.target.value)} data-testid="custom-field-label" />}
        </Field>
        <div className="form-grid form-grid-2">
          <Field id={`${id}-key`} label={f.key} required error={errors.key} hint={draft.saved ? f.keyHintSaved : f.keyHintNew}>
            {(aria) => (
              <input
                {...aria}
                type="text"
                className="settings-code-input"
                value={draft.key}
                maxLength={40}
                autoComplete="off"
                spellCheck={false}
                readOnly={draft.saved}
                onChange={(e) => {
                  setKeyTouched(true);
                  setDraft((d) => ({ ...d, key: e.target.value.trim() }));
                  clear('key');
                }}
                data-testid="custom-field-key"
              />
            )}
          </Field>
          <Field id={`${id}-type`} label={f.type} required error={errors.type} hint={draft.saved ? f.typeHintSaved : undefined}>
            {(aria) => (
              <select
                {...aria}
                value={draft.type}
                disabled={draft.saved}
                onChange={(e) => {
                  const type = e.target.value as CustomFieldType;
                  setDraft((d) => ({ ...d, type, options: isChoice(type) && d.options.length === 0 ? [{ uid: draftId(), value: '', label: '', saved: false, valueTouched: false }] : d.options }));
                  clear('type', 'options');
                }}
                data-testid="custom-field-type"
              >
                {customFieldTypes.map((type) => (
                  <option key={type} value={type}>
                    {f.typeNames[type]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>

        {isChoice(draft.type) ? (
          <fieldset className={optionsError ? 'settings-options field-invalid' : 'settings-options'} aria-describedby={`${id}-options-hint${optionsError ? ` ${id}-options-error` : ''}`}>
            <legend className="field-label">{f.options}</legend>
            {draft.options.length ? (
              <ol className="settings-option-list">
                {draft.options.map((option, index) => {
                  const name = option.label || String(index + 1);
                  const labelError = errors[`options.${index}.label`];
                  const valueError = errors[`options.${index}.value`];
                  return (
                    <li key={option.uid} className="settings-option" data-testid="custom-field-option">
                      <div className={labelError ? 'field field-invalid' : 'field'}>
                        <input
                          type="text"
                          aria-label={`${f.optionLabel} ${index + 1}`}
                          aria-invalid={Boolean(labelError)}
                          value={option.label}
                          maxLength={100}
                          placeholder={f.optionLabel}
                          onChange={(e) => setOption(option.uid, { label: e.target.value })}
                        />
                        {labelError ? <p className="field-error">{labelError}</p> : null}
                      </div>
                      <div className={valueError ? 'field field-invalid' : 'field'}>
                        <input
                          type="text"
                          className="settings-code-input"
                          aria-label={`${f.optionValue} ${index + 1}`}
                          aria-invalid={Boolean(valueError)}
                          value={option.value}
                          maxLength={40}
                          spellCheck={false}
                          placeholder={f.optionValue}
                          readOnly={option.saved}
                          onChange={(e) => setOption(option.uid, { value: e.target.value.trim(), valueTouched: true })}
                        />
                        {valueError ? <p className="field-error">{valueError}</p> : null}
                      </div>
                      <div className="settings-row-actions">
                        <button type="button" className="button button-icon" aria-label={m.common.moveUpOf(name)} title={m.common.moveUp} disabled={index === 0} onClick={() => setOptions((o) => moved(o, index, -1))}>
                          ↑
                        </button>
                        <button
                          type="button"
                          className="button button-icon"
                          aria-label={m.common.moveDownOf(name)}
                          title={m.common.moveDown}
                          disabled={index === draft.options.length - 1}
                          onClick={() => setOptions((o) => moved(o, index, 1))}
                        >
                          ↓
                        </button>
                        <button type="button" className="button button-icon" aria-label={f.removeOption(name)} title={m.common.remove} onClick={() => setOptions((o) => o.filter((x) => x.uid !== option.uid))}>
                          ✕
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ol>
            ) : (
              <p className="muted">{f.noOptions}</p>
            )}
            {optionsError ? (
              <p className="field-error" id={`${id}-options-error`}>
                {optionsError}
              </p>
            ) : null}
            <p className="field-hint" id={`${id}-options-hint`}>
              {f.optionValueHint}
            </p>
            <button
              type="button"
              className="button"
              onClick={() => setOptions((o) => [...o, { uid: draftId(), value: '', label: '', saved: false, valueTouched: false }])}
              disabled={draft.options.length >= 100}
              data-testid="custom-field-option-add"
            >
              + {f.addOption}
            </button>
          </fieldset>
        ) : null}

        <div className="settings-checks">
          <label className="checkbox">
            <input type="checkbox" checked={draft.required} onChange={(e) => setDraft((d) => ({ ...d, required: e.target.checked }))} data-testid="custom-field-required" />
            <span>
              {f.required}
              <span className="field-hint settings-check-hint">{f.requiredHint}</span>
            </span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.inList} onChange={(e) => setDraft((d) => ({ ...d, inList: e.target.checked }))} data-testid="custom-field-in-list" />
            <span>
              {f.inList}
              <span className="field-hint settings-check-hint">{f.inListHint}</span>
            </span>
          </label>
        </div>

        <p className="muted settings-apply-hint">{f.applyHint}</p>
        <div className="form-actions">
          <button type="submit" className="button button-primary" data-testid="custom-field-apply">
            {m.common.apply}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {m.common.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
