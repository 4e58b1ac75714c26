import { useState } from 'react';
import type { FormErrors, Issue } from './form-errors';

interface FormStateOptions<V extends object> {
  /** Whether a new value of `field` clears the error under `key`. */
  clears: (field: keyof V & string, key: string) => boolean;
  /** The issues on the form's fields (by key) and those no field shows, said in the user's language. */
  place: (issues: Issue[], values: V) => { fields: FormErrors; other: string[] };
  /** Which error a field shows when the form found one itself and the schema another: the schema's by default. */
  prefer?: 'schema' | 'found';
}

/**
 * The state of a record's form: values as the inputs hold them, errors by field key, issues no
 * field shows, and an attempt counter that moves focus to the first problem after a failed submit.
 */
export function useFormState<V extends object>(initial: V, options: FormStateOptions<V>) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);

  /** Clears the errors whose key `stale` says. */
  const dropErrors = (stale: (key: string) => boolean) =>
    setErrors((current) => {
      if (!Object.keys(current).some(stale)) return current;
      return Object.fromEntries(Object.entries(current).filter(([key]) => !stale(key)));
    });

  return {
    values,
    errors,
    otherErrors,
    attempt,
    /** A new value of a top-level field; the errors it answers go. */
    change<K extends keyof V & string>(field: K, value: V[K]) {
      setValues((current) => ({ ...current, [field]: value }));
      dropErrors((key) => options.clears(field, key));
    },
    dropErrors,
    /** `extra`: errors found before the schema (a number that is not one), under the placed ones unless `prefer` says otherwise. */
    showIssues(issues: Issue[], extra: FormErrors = {}) {
      const placed = options.place(issues, values);
      setErrors(shownErrors(placed.fields, extra, options.prefer));
      setOtherErrors(placed.other);
      setAttempt((n) => n + 1);
    },
    clearErrors() {
      setErrors({});
      setOtherErrors([]);
    },
  };
}

/** A field's one error: the schema's (`placed`) over the form's own findings (`found`), or the other way round. */
export const shownErrors = (placed: FormErrors, found: FormErrors, prefer: 'schema' | 'found' = 'schema'): FormErrors =>
  prefer === 'found' ? { ...placed, ...found } : { ...found, ...placed };
