import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { exportFormats, maxExportRows, type ExportFormat, type ExportJob, type ExportType } from '@shared/domain/exports/export-job';
import { isApiError } from '../../api/api-error';
import type { HttpClient } from '../../api/http-client';
import { useI18n } from '../../i18n/use-i18n';
import { Spinner } from '../../ui/Spinner';
import { useHttpClient } from '../imports/shared/use-http';
import { apiErrorMessage } from '../leads/shared/api-error-message';
import { useExportMessages } from './export-messages';
import '../../styles/transfer.css';

/**
 * Export a list as it is filtered (REC-11): a menu of CSV and XLSX. The API writes the file in the
 * background; the button waits for it (following the job every second when the answer is not the
 * file yet), then starts the download through the short-lived link. Lists over 50 000 rows are
 * cut, and the button says so.
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

async function runExport(http: HttpClient, body: { recordType: ExportType; format: ExportFormat; locale: string; filters: Record<string, string> }, stopped: () => boolean): Promise<ExportResult> {
  let answer = await http.post<ExportAnswer>('/api/exports', body);
  const started = Date.now();
  while (!answer.url) {
    if (answer.status === 'failed') throw new ExportFailed('failed');
    if (!answer.id || Date.now() - started > giveUpMs) throw new ExportFailed('timedOut');
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    if (stopped()) throw new ExportFailed('timedOut');
    answer = await http.get<ExportAnswer>(`/api/exports/${encodeURIComponent(answer.id)}`);
  }
  return { url: answer.url, fileName: answer.fileName, rows: answer.rows, truncated: answer.truncated };
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
  const wrapRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);

  const body = useMemo(() => ({ recordType, locale, filters: exportFiltersOf(filters) }), [recordType, locale, filters]);
  const exporter = useMutation({
    mutationFn: (fileFormat: ExportFormat) => runExport(http, { ...body, format: fileFormat }, () => unmounted.current),
    onSuccess: (result) => {
      if (!unmounted.current) download(result);
    },
  });

  // A click elsewhere closes the menu.
  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!wrapRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  useEffect(() => {
    if (open) wrapRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function menuKeys(event: KeyboardEvent<HTMLDivElement>) {
    const items = [...(wrapRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = (index + (event.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  function choose(fileFormat: ExportFormat) {
    setOpen(false);
    buttonRef.current?.focus();
    exporter.mutate(fileFormat);
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

  return (
    <div className={['export-button', className].filter(Boolean).join(' ')} ref={wrapRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        disabled={exporter.isPending}
        data-testid="export-button"
        onClick={() => setOpen((value) => !value)}
      >
        {exporter.isPending ? <Spinner size="sm" /> : <span aria-hidden="true">⤓</span>}
        {exporter.isPending ? m.working : m.button}
      </button>
      {open ? (
        <div className="export-menu" role="menu" id={`${id}-menu`} aria-label={m.menu} onKeyDown={menuKeys}>
          {exportFormats.map((fileFormat) => (
            <button key={fileFormat} type="button" role="menuitem" tabIndex={-1} className="export-menu-item" data-testid={`export-${fileFormat}`} onClick={() => choose(fileFormat)}>
              {m[fileFormat]}
            </button>
          ))}
        </div>
      ) : null}
      <div aria-live="polite" className="export-status">
        {exporter.isPending ? <span className="visually-hidden">{m.working}</span> : null}
        {result ? (
          <p className="export-note muted" data-testid="export-result">
            {result.rows !== undefined ? m.done(format.number(result.rows), result.rows) : null}{' '}
            {result.truncated ? <strong data-testid="export-truncated">{m.truncated(format.number(maxExportRows))}</strong> : null}{' '}
            <a href={result.url} download={result.fileName}>
              {m.download}
            </a>
          </p>
        ) : null}
        {errorText ? (
          <p className="export-note export-note-error" role="alert">
            {errorText}
          </p>
        ) : null}
      </div>
    </div>
  );
}
