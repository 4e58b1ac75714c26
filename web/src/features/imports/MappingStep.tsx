import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { FieldIssue } from '@shared/api/contracts';
import type { DuplicatePolicy, ImportJob } from '@shared/domain/imports/import-job';
import { importFieldsOf, type ImportField } from '@shared/domain/transfer/import-fields';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/use-i18n';
import { Spinner } from '../../ui/Spinner';
import { ActionError } from './ActionError';
import { CancelImportButton } from './CancelImportButton';
import { useImportMessages, type ImportMessages } from './import-messages';
import { PolicyRadios } from './PolicyRadios';
import { useCustomFields, useImportAction } from './use-imports';

/**
 * Step 2: which field each column fills. The suggestion read from the headers is the start; the
 * mapping is checked here as the API checks it (no field twice, the required ones present) and the
 * API's own objections (`mapping.<column>`) are shown by their column. Saving starts the dry run.
 */
type Mapping = (string | null)[];

interface MappingErrors {
  columns: Record<number, string>;
  general: string[];
}

const headerOf = (job: ImportJob, column: number, m: ImportMessages): string => job.headers?.[column]?.trim() || m.mapping.emptyHeader(column + 1);

/** `customKnown`: the custom field definitions have not loaded, so a `custom.<key>` is left for the API to judge. */
function validate(job: ImportJob, mapping: Mapping, fields: ImportField[], label: (field: ImportField) => string, m: ImportMessages, customKnown = true): MappingErrors {
  const columns: Record<number, string> = {};
  const general: string[] = [];
  const firstColumn = new Map<string, number>();
  const known = new Set(fields.map((f) => f.key));
  mapping.forEach((key, column) => {
    if (key === null) return;
    if (!known.has(key) && (customKnown || !key.startsWith('custom.'))) columns[column] = m.mapping.unknownField;
    const earlier = firstColumn.get(key);
    if (earlier !== undefined) columns[column] = m.mapping.usedTwice(headerOf(job, earlier, m));
    else firstColumn.set(key, column);
  });
  if (firstColumn.size === 0) general.push(m.mapping.noneMapped);
  const missing = fields.filter((f) => f.required && !firstColumn.has(f.key) && !(f.key === 'lastName' && firstColumn.has('fullName')));
  if (missing.length > 0) general.push(m.mapping.requiredMissing(missing.map(label).join(', ')));
  return { columns, general };
}

/** The API's `mapping.<n>` and `mapping` issues, in the user's words where the case is known. */
function serverErrors(job: ImportJob, mapping: Mapping, issues: FieldIssue[], fields: ImportField[], label: (field: ImportField) => string, m: ImportMessages): MappingErrors {
  const columns: Record<number, string> = {};
  const general: string[] = [];
  for (const issue of issues) {
    const match = /^mapping\.(\d+)$/.exec(issue.path);
    if (match) {
      const column = Number(match[1]);
      const key = mapping[column];
      const other = key ? mapping.findIndex((k, i) => k === key && i !== column) : -1;
      columns[column] = /already mapped/.test(issue.message) && other >= 0 ? m.mapping.usedTwice(headerOf(job, other, m)) : /no field/.test(issue.message) ? m.mapping.unknownField : issue.message;
    } else if (issue.path === 'mapping' && issue.code === 'required') {
      const keys = issue.message.replace(/^.*?to\s+/, '').split(/,\s*/);
      const labels = keys.map((key) => {
        const field = fields.find((f) => f.key === key);
        return field ? label(field) : key;
      });
      general.push(m.mapping.requiredMissing(labels.join(', ')));
    } else {
      general.push(issue.message);
    }
  }
  return { columns, general };
}

export function MappingStep({ job, onBack }: { job: ImportJob; onBack?: () => void }) {
  const m = useImportMessages();
  const { locale } = useI18n();
  const headers = useMemo(() => job.headers ?? [], [job.headers]);
  const custom = useCustomFields(job.recordType);
  const fields = useMemo(() => importFieldsOf(job.recordType, custom.data?.fields ?? []), [job.recordType, custom.data]);
  const label = (field: ImportField) => field.label[locale];
  const [mapping, setMapping] = useState<Mapping>(() => headers.map((_, column) => job.mapping?.[column] ?? null));
  const [policy, setPolicy] = useState<DuplicatePolicy>(job.duplicatePolicy);
  const [submitted, setSubmitted] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  const save = useImportAction(job.id, async (api, vars: { version: number; mapping: Mapping; policy: DuplicatePolicy }) => {
    const saved = await api.configure(job.id, { version: vars.version, mapping: vars.mapping, duplicatePolicy: vars.policy });
    return api.check(job.id, saved.version);
  });

  const customKnown = custom.isSuccess;
  const local = validate(job, mapping, fields, label, m, customKnown);
  const apiIssues = isApiError(save.error) && save.error.status === 400 ? save.error.fields : [];
  const remote = serverErrors(job, mapping, apiIssues, fields, label, m);
  const errors: MappingErrors = submitted ? { columns: { ...remote.columns, ...local.columns }, general: [...new Set([...local.general, ...remote.general])] } : { columns: remote.columns, general: remote.general };

  useEffect(() => {
    if (attempt === 0) return;
    const form = formRef.current;
    (form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]'))?.focus();
  }, [attempt]);

  function change(column: number, key: string | null) {
    if (save.error) save.reset();
    setMapping((current) => current.map((value, i) => (i === column ? key : value)));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (save.isPending) return;
    setSubmitted(true);
    const found = validate(job, mapping, fields, label, m, customKnown);
    if (Object.keys(found.columns).length > 0 || found.general.length > 0) {
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({ version: job.version, mapping, policy }, { onError: () => setAttempt((n) => n + 1) });
  }

  const standard = fields.filter((f) => !f.key.startsWith('custom.'));
  const customFields = fields.filter((f) => f.key.startsWith('custom.'));
  const mappedCount = mapping.filter((key) => key !== null).length;
  const sourceText = job.source ? m.mapping.source[job.source] : undefined;
  const required = fields.filter((f) => f.required);
  const samplesOf = (column: number) =>
    (job.sample ?? [])
      .map((row) => row[column]?.trim() ?? '')
      .filter(Boolean)
      .slice(0, 3);

  return (
    <form ref={formRef} className="transfer-step" onSubmit={submit} noValidate aria-busy={save.isPending} data-testid="import-mapping">
      <h2 className="transfer-step-title" tabIndex={-1}>
        {m.mapping.title}
      </h2>
      <p>{m.mapping.intro(headers.length, job.rowCount ?? 0)}</p>
      {sourceText ? (
        <p className="notice notice-info" data-testid="import-source">
          <span>
            <strong>{sourceText}.</strong> {m.mapping.sourceHint}
          </span>
        </p>
      ) : null}
      {required.length > 0 ? (
        <p className="field-hint">
          {m.mapping.required}: {required.map(label).join(', ')}
        </p>
      ) : null}

      <ActionError error={save.error} ignoreFields />
      {errors.general.length > 0 ? (
        <div className="notice notice-error" role="alert" tabIndex={-1}>
          <ul>
            {errors.general.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="table-wrap">
        <table className="table transfer-mapping-table">
          <caption className="visually-hidden">{m.mapping.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.mapping.column}</th>
              <th scope="col">{m.mapping.sample}</th>
              <th scope="col">{m.mapping.field}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((_, column) => {
              const key = mapping[column] ?? null;
              const error = errors.columns[column];
              const selectId = `import-map-${column}`;
              const unknown = key !== null && !fields.some((f) => f.key === key);
              return (
                <tr key={column} className={key === null ? 'transfer-unmapped' : undefined} data-testid="import-mapping-row">
                  <th scope="row" className="transfer-column-name">
                    <label htmlFor={selectId}>{headerOf(job, column, m)}</label>
                  </th>
                  <td className="transfer-samples">
                    {samplesOf(column).map((value, i) => (
                      <span key={i} className="transfer-sample break">
                        {value}
                      </span>
                    ))}
                  </td>
                  <td className={error ? 'field field-invalid transfer-field-cell' : 'field transfer-field-cell'}>
                    <select
                      id={selectId}
                      data-testid={selectId}
                      value={key ?? ''}
                      aria-invalid={Boolean(error)}
                      aria-describedby={error ? `${selectId}-error` : undefined}
                      disabled={save.isPending}
                      onChange={(event) => change(column, event.target.value || null)}
                    >
                      <option value="">{m.mapping.ignore}</option>
                      {unknown ? <option value={key}>{key}</option> : null}
                      <optgroup label={m.mapping.standardGroup}>
                        {standard.map((field) => (
                          <option key={field.key} value={field.key}>
                            {label(field)}
                            {field.required ? ' *' : ''}
                          </option>
                        ))}
                      </optgroup>
                      {customFields.length > 0 ? (
                        <optgroup label={m.mapping.customGroup}>
                          {customFields.map((field) => (
                            <option key={field.key} value={field.key}>
                              {label(field)}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </select>
                    {error ? (
                      <p className="field-error" id={`${selectId}-error`}>
                        {error}
                      </p>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted transfer-mapped-count" aria-live="polite">
        {m.mapping.mappedCount(mappedCount, headers.length)}
      </p>

      <PolicyRadios value={policy} onChange={setPolicy} disabled={save.isPending} />

      <p className="field-hint">{m.mapping.checkHint}</p>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="import-check">
          {save.isPending ? <Spinner size="sm" /> : null}
          {save.isPending ? m.mapping.checking : m.mapping.check}
        </button>
        {onBack ? (
          <button type="button" className="button" onClick={onBack} disabled={save.isPending}>
            {m.check.backToReport}
          </button>
        ) : null}
        <span className="transfer-actions-spacer" />
        <CancelImportButton job={job} />
      </div>
    </form>
  );
}
