import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { csvDialects, maxExportRows, type EncodingLoss, type ExportJob, type ExportRequest, type ExportType } from '@shared/domain/exports/export-job';
import { isApiError } from '../../api/api-error';
import type { HttpClient } from '../../api/http-client';
import { useI18n } from '../../i18n/use-i18n';
import { FormDialog } from '../../ui/FormDialog';
import { Spinner } from '../../ui/Spinner';
import { useHttpClient } from '../../api/use-http';
import { apiErrorMessage } from '../../api/api-error-message';
import { exportRequestOf, initialChoice, lossSummary, type ExportChoice } from './export-choice';
import { useExportMessages } from './export-messages';
import '../../styles/transfer.css';

/**
 * Export a list as it is filtered (REC-11): a dialog of the format, XLSX recommended, and for CSV
 * its variant (plain UTF-8, for Excel, Windows-1251), saying why CSV text gets an apostrophe. The
 * API writes the file in the background; the dialog waits for it (following the job every second
 * when the answer is not the file yet), then starts the download through the short-lived link.
 * Lists over 50 000 rows are cut, and a Windows-1251 file names what it could not hold.
 *
 *   <ExportButton recordType="contact" filters={listQueryParams} />
 */
export type ExportFilters = Record<string, string | number | boolean | null | undefined>;

interface ExportButtonProps {
  recordType: ExportType;
  /** The list's own query parameters (status, ownerId, sort, custom.<key>…); paging ones are dropped. */
  filters?: ExportFilters;
  className?: string;
}

interface ExportResult {
  url: string;
  fileName?: string;
  rows?: number;
  truncated?: boolean;
  encodingLoss?: EncodingLoss;
}

type ExportAnswer = Partial<ExportJob> & Partial<ExportResult>;

const pollMs = 1000;
const giveUpMs = 5 * 60_000;
const pagingParams = new Set(['cursor', 'limit']);

class ExportFailed extends Error {
  constructor(readonly kind: 'failed' | 'timedOut') {
    super(`Export ${kind}`);
  }
}

/** The filters as the API takes them: strings, none empty, no paging. */
export function exportFiltersOf(filters: ExportFilters = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).flatMap(([key, value]) => (value === undefined || value === null || value === '' || pagingParams.has(key) ? [] : [[key, String(value)]])),
  );
}

async function runExport(http: HttpClient, body: ExportRequest, stopped: () => boolean): Promise<ExportResult> {
  let answer = await http.post<ExportAnswer>('/api/exports', body);
  const started = Date.now();
  while (!answer.url) {
    if (answer.status === 'failed') throw new ExportFailed('failed');
    if (!answer.id || Date.now() - started > giveUpMs) throw new ExportFailed('timedOut');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (stopped()) throw new ExportFailed('timedOut');
    answer = await http.get<ExportAnswer>(`/api/exports/${encodeURIComponent(answer.id)}`);
  }
  return { url: answer.url, fileName: answer.fileName, rows: answer.rows, truncated: answer.truncated, encodingLoss: answer.encodingLoss };
}

function download(result: ExportResult): void {
  const link = document.createElement('a');
  link.href = result.url;
  if (result.fileName) link.download = result.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

export function ExportButton({ recordType, filters, className }: ExportButtonProps) {
  const m = useExportMessages();
  const { t, locale, format } = useI18n();
  const http = useHttpClient();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExportChoice>(initialChoice);
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  const exporter = useMutation({
    mutationFn: (chosen: ExportChoice) => runExport(http, exportRequestOf(recordType, locale, exportFiltersOf(filters), chosen), () => unmounted.current),
    onSuccess: (result) => {
      setOpen(false);
      if (!unmounted.current) download(result);
    },
  });

  function openDialog() {
    // A new export: the last one's outcome is not this one's.
    exporter.reset();
    setOpen(true);
  }

  const result = exporter.data;
  const error = exporter.error;
  const errorText = !error
    ? undefined
    : error instanceof ExportFailed
      ? error.kind === 'timedOut'
        ? m.timedOut
        : m.failed
      : isApiError(error) && error.fields.some((field) => field.path.startsWith('filters'))
        ? m.badFilter
        : apiErrorMessage(error, t);
  const loss = result ? lossSummary(result.encodingLoss, m, (n) => format.number(n)) : undefined;

  return (
    <div className={['export-button', className].filter(Boolean).join(' ')}>
      <button type="button" className="button" aria-haspopup="dialog" disabled={exporter.isPending} data-testid="export-button" onClick={openDialog}>
        {exporter.isPending ? <Spinner size="sm" /> : <span aria-hidden="true">⤓</span>}
        {exporter.isPending ? m.working : m.button}
      </button>
      {open ? (
        <FormDialog
          title={m.title}
          intro={m.intro}
          failure={errorText}
          submit={m.submit}
          submitting={m.working}
          busy={exporter.isPending}
          cancel={m.cancel}
          onSubmit={() => exporter.mutate(choice)}
          onClose={() => setOpen(false)}
          testId="export-dialog"
          className="export-dialog"
        >
          <fieldset className="transfer-types" disabled={exporter.isPending}>
            <legend className="field-label">{m.format}</legend>
            <div className="transfer-choice-row export-formats">
              {(['xlsx', 'csv'] as const).map((value) => (
                <Choice key={value} name={`${id}-format`} checked={choice.format === value} onChange={() => setChoice({ ...choice, format: value })} label={m[value]} hint={m.formatHints[value]} testId={`export-${value}`} />
              ))}
            </div>
          </fieldset>
          {choice.format === 'csv' ? (
            <>
              <p className="notice notice-info" data-testid="export-csv-notice">
                {m.csvNotice}
              </p>
              <fieldset className="transfer-types" disabled={exporter.isPending}>
                <legend className="field-label">{m.dialect}</legend>
                <div className="transfer-choice-row export-choices">
                  {csvDialects.map((value) => (
                    <Choice key={value} name={`${id}-dialect`} checked={choice.csvDialect === value} onChange={() => setChoice({ ...choice, csvDialect: value })} label={m.dialects[value]} hint={m.dialectHints[value]} testId={`export-csv-${value}`} />
                  ))}
                </div>
              </fieldset>
            </>
          ) : null}
        </FormDialog>
      ) : null}
      <div aria-live="polite" className="export-status">
        {exporter.isPending ? <span className="visually-hidden">{m.working}</span> : null}
        {result ? (
          <p className="export-note muted" data-testid="export-result">
            {result.rows !== undefined ? m.done(format.number(result.rows), result.rows) : null}{' '}
            {result.truncated ? <strong data-testid="export-truncated">{m.truncated(format.number(maxExportRows))}</strong> : null}{' '}
            {loss ? <strong data-testid="export-loss">{loss}</strong> : null}{' '}
            <a href={result.url} download={result.fileName}>
              {m.download}
            </a>
          </p>
        ) : null}
        {errorText && !open ? (
          <p className="export-note export-note-error" role="alert">
            {errorText}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** One option of the dialog: a radio shown as a tile, with what it means underneath. */
function Choice({ name, checked, onChange, label, hint, testId }: { name: string; checked: boolean; onChange: () => void; label: string; hint: string; testId: string }) {
  return (
    <label className={checked ? 'transfer-choice transfer-choice-on' : 'transfer-choice'}>
      <input type="radio" name={name} checked={checked} onChange={onChange} data-testid={testId} />
      <span>
        {label}
        <span className="transfer-choice-hint">{hint}</span>
      </span>
    </label>
  );
}
