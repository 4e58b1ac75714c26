import { useState } from 'react';
import type * as z from 'zod';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { RecordBase } from '@shared/domain/records/record-type';
import { useGoTo } from '../../ui/AppLink';
import { recordPath } from '../record-paths';
import { useCreateRecord, useUpdateRecord, type KitResource } from '../page/use-record';
import type { RecordsMessages } from '../records-messages';
import { useRecordsMessages } from '../records-messages';
import { issuesOfZod, showApiIssues, type FormErrors } from './form-errors';
import { patchOf, useRecordForm } from './record-form';

/**
 * How an account's or contact's form becomes a request: both check the values with the API's own
 * schema first, then put the API's field issues next to the fields; an edit sends only what
 * changed with the version it began from (see `patchOf`).
 */
export interface RecordFormSpec<V extends object> {
  resource: KitResource;
  type: 'account' | 'contact';
  createSchema: z.ZodType;
  updateSchema: z.ZodType<{ version: number }>;
  /** The values without blank rows; the `entries` lists are written back so the inputs show what is sent. */
  withoutBlanks: (values: V) => V;
  entries: readonly (keyof V & string)[];
  bodyOf: (values: V, customFields: readonly CustomField[], m: RecordsMessages, requireCustom: boolean) => { body: Record<string, unknown>; errors: FormErrors };
  knownKeys: (customFields: readonly CustomField[]) => (values: V) => (key: string) => boolean;
  /** The fields an edit cannot clear. */
  kept: readonly string[];
}

function usePrepared<V extends object>(spec: RecordFormSpec<V>, initial: V, customFields: readonly CustomField[]) {
  const m = useRecordsMessages();
  const goTo = useGoTo();
  const form = useRecordForm(initial, spec.knownKeys(customFields));
  return {
    m,
    form,
    /** The values as they will be sent, written back to the form's lists. */
    values(): V {
      const values = spec.withoutBlanks(form.values);
      for (const field of spec.entries) form.change(field, values[field]);
      return values;
    },
    saved: (record: RecordBase) => goTo(recordPath(spec.type, record.id), { replace: true }),
  };
}

export function useCreateRecordForm<V extends object, T extends RecordBase>(spec: RecordFormSpec<V>, initial: V, customFields: readonly CustomField[]) {
  const { m, form, values, saved } = usePrepared(spec, initial, customFields);
  const create = useCreateRecord<T, unknown>(spec.resource);

  function submit() {
    const { body, errors } = spec.bodyOf(values(), customFields, m, true);
    const parsed = spec.createSchema.safeParse(body);
    if (!parsed.success || Object.keys(errors).length > 0) {
      form.showIssues(parsed.success ? [] : issuesOfZod(parsed.error.issues), errors);
      return;
    }
    form.clearErrors();
    create.mutate(parsed.data, { onSuccess: saved, onError: showApiIssues(form) });
  }

  return { form, submit, submitting: create.isPending, error: create.error };
}

/** The record as it was when editing began is the base of the patch and its version. */
export function useEditRecordForm<V extends object, T extends RecordBase & { version: number }>(spec: RecordFormSpec<V>, record: T, initial: V, customFields: readonly CustomField[]) {
  const { m, form, values, saved } = usePrepared(spec, initial, customFields);
  const [base] = useState(() => ({ record, values: initial }));
  const update = useUpdateRecord<T, { version: number }>(spec.resource, base.record.id);
  const [nothingChanged, setNothingChanged] = useState(false);

  function submit() {
    setNothingChanged(false);
    const next = spec.bodyOf(values(), customFields, m, false);
    const before = spec.bodyOf(base.values, customFields, m, false);
    const { patch, cleared } = patchOf(next.body, before.body, spec.kept);
    const clearedErrors = Object.fromEntries(cleared.map((field) => [field, m.form.errors.required]));
    const parsed = spec.updateSchema.safeParse({ version: base.record.version, ...patch });
    const issues = parsed.success ? [] : issuesOfZod(parsed.error.issues).filter((issue) => issue.path !== 'version');
    const localErrors = { ...clearedErrors, ...next.errors };
    if (issues.length > 0 || Object.keys(localErrors).length > 0) {
      form.showIssues(issues, localErrors);
      return;
    }
    form.clearErrors();
    if (!parsed.success) {
      setNothingChanged(true);
      return;
    }
    update.mutate(parsed.data, { onSuccess: saved, onError: showApiIssues(form) });
  }

  return { base: base.record, form, submit, submitting: update.isPending, error: update.error, nothingChanged };
}
