import { customizableTypes, type CustomField, type CustomFieldType, type CustomizableType } from '@shared/domain/custom-fields/custom-field';

/**
 * A type's custom fields as the admin edits them before saving: each row with a draft id (errors
 * and React keys follow the row when it moves), whether it is already saved (its key and type are
 * then fixed), and its options with the same marks.
 */
export interface OptionDraft {
  uid: string;
  value: string;
  label: string;
  /** Saved with the field: records may hold this value, so it no longer changes. */
  saved: boolean;
  /** The admin typed the value; until then it follows the label. */
  valueTouched: boolean;
}

export interface FieldDraft {
  uid: string;
  saved: boolean;
  key: string;
  label: string;
  type: CustomFieldType;
  options: OptionDraft[];
  required: boolean;
  inList: boolean;
}

let counter = 0;
export const draftId = (): string => `d${++counter}`;

export const isChoice = (type: CustomFieldType): boolean => type === 'select' || type === 'multiselect';

export function draftsOf(fields: readonly CustomField[]): FieldDraft[] {
  return fields.map((field) => ({
    uid: draftId(),
    saved: true,
    key: field.key,
    label: field.label,
    type: field.type,
    options: (field.options ?? []).map((option) => ({ uid: draftId(), value: option.value, label: option.label, saved: true, valueTouched: true })),
    required: Boolean(field.required),
    inList: Boolean(field.inList),
  }));
}

export function newFieldDraft(): FieldDraft {
  return { uid: draftId(), saved: false, key: '', label: '', type: 'text', options: [], required: false, inList: false };
}

/** The definition as the API takes it; options only for choice fields. */
export function fieldOf(draft: FieldDraft): CustomField {
  return {
    key: draft.key.trim(),
    label: draft.label.trim(),
    type: draft.type,
    ...(isChoice(draft.type) ? { options: draft.options.map((option) => ({ value: option.value.trim(), label: option.label.trim() })) } : {}),
    required: draft.required,
    inList: draft.inList,
  };
}

/** The same definition in one shape whatever its source, to tell whether anything changed. */
export function sameFields(a: readonly CustomField[], b: readonly CustomField[]): boolean {
  const normal = (fields: readonly CustomField[]) =>
    JSON.stringify(
      fields.map((f) => ({
        key: f.key,
        label: f.label,
        type: f.type,
        options: f.options?.map((o) => ({ value: o.value, label: o.label })) ?? null,
        required: Boolean(f.required),
        inList: Boolean(f.inList),
      })),
    );
  return normal(a) === normal(b);
}

export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** A record type from the address that custom fields can be defined for. */
export const isCustomizableType = (value: string): value is CustomizableType => (customizableTypes as readonly string[]).includes(value);
