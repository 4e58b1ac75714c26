import { placeIssues } from './form-errors';
import { useRecordsMessages } from '../records-messages';
import { useFormState } from './use-form-state';

/**
 * The state of an account or contact form: values as the inputs hold them, errors by field key
 * (a dotted path such as `phones.1.number` or `custom.segment`), issues no field shows, and an
 * attempt counter that moves focus to the first problem after a failed submit.
 */
export function useRecordForm<V extends object>(initial: V, known: (values: V) => (key: string) => boolean) {
  const m = useRecordsMessages();
  const form = useFormState(initial, {
    // A field's errors, and those of its entries.
    clears: (field, key) => key === field || key.startsWith(`${field}.`),
    place: (issues, values) => placeIssues(issues, m, known(values)),
  });
  return {
    ...form,
    /** Clears one error by its key, for controls inside lists (`phones.1.number`). */
    dropError: (key: string) => form.dropErrors((k) => k === key || k.startsWith(`${key}.`)),
  };
}

export type RecordForm<V extends object> = ReturnType<typeof useRecordForm<V>>;

/** A trimmed text, or undefined when blank. */
export const textOrUndefined = (value: string): string | undefined => {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** A number typed with a comma or a dot and spaces; the raw text when it is not one (the schema then says so). */
export function numberOrText(value: string): number | string | undefined {
  const trimmed = value.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : value;
}

/** A number as an input shows it in the language (1500,5). */
export const numberText = (value: number | undefined, decimal: ',' | '.'): string => (value === undefined ? '' : String(value).replace('.', decimal));

const stable = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${k}:${stable(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
};

export const sameData = (a: unknown, b: unknown): boolean => stable(a) === stable(b);

/**
 * An update patch from the form's body as it is now and as it was when editing began (both built
 * by the same function, so formatting alone never counts as a change): each changed field with its
 * new value, `null` for a cleared one, custom values by key. `kept` fields cannot be cleared: they
 * are listed in `cleared`.
 */
export function patchOf(next: Record<string, unknown>, before: Record<string, unknown>, kept: readonly string[]): { patch: Record<string, unknown>; cleared: string[] } {
  const patch: Record<string, unknown> = {};
  const cleared: string[] = [];
  const keys = new Set([...Object.keys(next), ...Object.keys(before)].filter((key) => key !== 'custom'));
  for (const key of keys) {
    const now = next[key];
    if (sameData(now, before[key])) continue;
    if (now === undefined) {
      if (kept.includes(key)) cleared.push(key);
      else patch[key] = null;
    } else patch[key] = now;
  }
  const custom = customPatchOf(next.custom as Record<string, unknown> | undefined, before.custom as Record<string, unknown> | undefined);
  if (custom) patch.custom = custom;
  return { patch, cleared };
}

/** Each custom value that changed with its new value, `null` for one cleared; undefined when none did. */
export function customPatchOf(next: Record<string, unknown> = {}, before: Record<string, unknown> = {}): Record<string, unknown> | undefined {
  const changed = [...new Set([...Object.keys(next), ...Object.keys(before)])].filter((key) => !sameData(next[key], before[key]));
  return changed.length > 0 ? Object.fromEntries(changed.map((key) => [key, next[key] ?? null])) : undefined;
}

/** Leaves out the keys whose value is undefined (a create body sends only what was filled in). */
export const defined = <T extends Record<string, unknown>>(body: T): T => Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as T;

let counter = 0;
/** A stable React key for a new row of a list editor. */
export const rowKey = (): string => `row-${++counter}`;
