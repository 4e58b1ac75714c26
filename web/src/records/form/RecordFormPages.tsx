import type { ComponentType } from 'react';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { RecordBase } from '@shared/domain/records/record-type';
import { useDocumentTitle } from '../../app/use-document-title';
import { LoadingState } from '../../ui/LoadingState';
import { useGoTo } from '../../ui/AppLink';
import { recordPath } from '../record-paths';
import { RecordLoadState } from '../page/RecordLoadState';
import { useFormGeneration, useRecordPage } from '../page/use-record-page';
import { useRecordsMessages } from '../records-messages';
import type { RecordForm } from './record-form';
import { RecordFormShell } from './RecordFormShell';
import { SaveNotice } from './SaveNotice';
import { useCreateRecordForm, useEditRecordForm, type RecordFormSpec } from './use-record-save';

interface FormContext {
  /** The custom field definitions have been read (or failed to be). */
  ready: boolean;
  customFields: readonly CustomField[];
}

/** An account's or contact's create and edit pages: the form's spec and the type's words, values and fields. */
export interface RecordFormPagesSpec<V extends object, T extends RecordBase, C extends FormContext> {
  form: RecordFormSpec<V>;
  testId: string;
  useMessages: () => { createTitle: string; editTitle: string; loading: string; notFound: string };
  useContext: () => C;
  valuesOf: (record: Partial<T> | undefined, ctx: C) => V;
  nameOf: (record: T) => string;
  Fields: ComponentType<{ mode: 'create' | 'edit'; form: RecordForm<V>; customFields: readonly CustomField[]; selfId?: string }>;
}

/** A new record, from `start` (the parent or company it is created from); "cancel" goes to `cancelPath`. */
export function NewRecordFormPage<V extends object, T extends RecordBase, C extends FormContext>({
  spec,
  start,
  cancelPath,
}: {
  spec: RecordFormPagesSpec<V, T, C>;
  start?: Partial<T>;
  cancelPath: (initial: V) => string;
}) {
  const messages = spec.useMessages();
  const ctx = spec.useContext();
  useDocumentTitle(messages.createTitle);
  if (!ctx.ready) return <LoadingState text={messages.loading} />;
  return <NewRecordForm spec={spec} initial={spec.valuesOf(start, ctx)} customFields={ctx.customFields} cancelPath={cancelPath} />;
}

function NewRecordForm<V extends object, T extends RecordBase, C extends FormContext>({
  spec,
  initial,
  customFields,
  cancelPath,
}: {
  spec: RecordFormPagesSpec<V, T, C>;
  initial: V;
  customFields: readonly CustomField[];
  cancelPath: (initial: V) => string;
}) {
  const m = useRecordsMessages();
  const messages = spec.useMessages();
  const goTo = useGoTo();
  const { form, submit, submitting, error } = useCreateRecordForm<V, T>(spec.form, initial, customFields);
  const Fields = spec.Fields;

  return (
    <RecordFormShell
      title={messages.createTitle}
      testId={spec.testId}
      className="ac-form"
      submitLabel={m.form.create}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} />}
      onSubmit={submit}
      onCancel={() => goTo(cancelPath(initial))}
    >
      <Fields mode="create" form={form} customFields={customFields} />
    </RecordFormShell>
  );
}

/** Edits a record; "load the latest version" after a conflict starts the form again from it. */
export function EditRecordFormPage<V extends object, T extends RecordBase, C extends FormContext>({ spec, id }: { spec: RecordFormPagesSpec<V, T, C>; id: string }) {
  const messages = spec.useMessages();
  const ctx = spec.useContext();
  const { record, state, refetch } = useRecordPage<T>(spec.form.resource, id, '/edit');
  const { generation, reload } = useFormGeneration(refetch);
  useDocumentTitle(record ? `${messages.editTitle}: ${spec.nameOf(record)}` : messages.editTitle);

  if (state.pending || !ctx.ready || !record) return <RecordLoadState {...state} pending={state.pending || !ctx.ready} loading={messages.loading} notFound={messages.notFound} />;
  return <EditRecordForm key={generation} spec={spec} record={record} initial={spec.valuesOf(record, ctx)} customFields={ctx.customFields} onReload={reload} />;
}

function EditRecordForm<V extends object, T extends RecordBase, C extends FormContext>({
  spec,
  record,
  initial,
  customFields,
  onReload,
}: {
  spec: RecordFormPagesSpec<V, T, C>;
  record: T;
  initial: V;
  customFields: readonly CustomField[];
  onReload: () => Promise<void>;
}) {
  const m = useRecordsMessages();
  const messages = spec.useMessages();
  const goTo = useGoTo();
  const { base, form, submit, submitting, error, nothingChanged } = useEditRecordForm(spec.form, record, initial, customFields);
  const Fields = spec.Fields;

  return (
    <RecordFormShell
      title={`${messages.editTitle}: ${spec.nameOf(base)}`}
      testId={spec.testId}
      className="ac-form"
      submitLabel={m.form.save}
      submitting={submitting}
      form={form}
      notice={<SaveNotice error={error} nothingChanged={nothingChanged} onReload={onReload} />}
      onSubmit={submit}
      onCancel={() => goTo(recordPath(spec.form.type, base.id))}
    >
      <Fields mode="edit" form={form} customFields={customFields} selfId={base.id} />
    </RecordFormShell>
  );
}
