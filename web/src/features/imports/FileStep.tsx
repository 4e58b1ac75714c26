import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent, type FormEvent } from 'react';
import { importFileLimits, importTypes, type ImportType } from '@shared/domain/imports/import-job';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { Spinner } from '../../ui/Spinner';
import { apiErrorMessage } from '../../api/api-error-message';
import { useImportMessages, type ImportMessages } from './import-messages';
import { uploadFile, UploadError } from '../../api/upload-file';
import { contentTypeOf } from './imports-api';
import { ProgressMeter } from '../../ui/ProgressMeter';
import { useGoTo } from '../../ui/AppLink';
import { importKeys, useImportsApi } from './use-imports';

/**
 * Step 1: what the rows are and the file. The import is registered, the file PUT straight to the
 * file store (with its upload progress), and the API told it is there; then the wizard moves to
 * the import's own address, where the file is read and mapped.
 */
type Phase = { at: 'idle' } | { at: 'registering' } | { at: 'uploading'; percent: number } | { at: 'finishing' };

const accept = '.csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function fileProblem(file: File, m: ImportMessages): string | undefined {
  if (!contentTypeOf(file.name)) return m.file.wrongType;
  if (file.size === 0) return m.file.emptyFile;
  if (file.size > importFileLimits.maxBytes) return m.file.tooBig((file.size / 1024 / 1024).toFixed(1));
  return undefined;
}

export function FileStep({ initialType = 'contact' }: { initialType?: ImportType }) {
  const m = useImportMessages();
  const { t, format } = useI18n();
  const api = useImportsApi();
  const queryClient = useQueryClient();
  const goTo = useGoTo();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [type, setType] = useState<ImportType>(initialType);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [dragging, setDragging] = useState(false);
  const [phase, setPhase] = useState<Phase>({ at: 'idle' });
  const [failure, setFailure] = useState<string | undefined>();

  // Leaving the page mid-upload stops the upload.
  useEffect(() => () => abortRef.current?.abort(), []);

  const busy = phase.at !== 'idle';

  function choose(next: File | undefined) {
    setFailure(undefined);
    if (!next) return;
    setFile(next);
    setFileError(fileProblem(next, m));
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    choose(event.dataTransfer.files[0]);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setFileError(m.file.required);
      inputRef.current?.focus();
      return;
    }
    const problem = fileProblem(file, m);
    if (problem) {
      setFileError(problem);
      inputRef.current?.focus();
      return;
    }
    setFailure(undefined);
    const abort = new AbortController();
    abortRef.current = abort;
    try {
      setPhase({ at: 'registering' });
      const started = await api.start({ recordType: type, fileName: file.name, contentType: contentTypeOf(file.name)!, bytes: file.size });
      setPhase({ at: 'uploading', percent: 0 });
      await uploadFile(started.upload, file, (percent) => setPhase({ at: 'uploading', percent }), abort.signal);
      setPhase({ at: 'finishing' });
      const job = await api.fileUploaded(started.import.id, started.import.version);
      queryClient.setQueryData(importKeys.detail(job.id), job);
      void queryClient.invalidateQueries({ queryKey: importKeys.list });
      goTo(`/imports/${encodeURIComponent(job.id)}`, { replace: true });
    } catch (error) {
      if (abort.signal.aborted) return;
      setPhase({ at: 'idle' });
      if (error instanceof UploadError) setFailure(error.kind === 'expired' ? m.file.uploadExpired : m.file.uploadFailed);
      else setFailure(apiErrorMessage(error, t));
    }
  }

  const errorId = `${id}-file-error`;
  return (
    <form className="transfer-step" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <h2 className="transfer-step-title" tabIndex={-1}>
        {m.file.title}
      </h2>
      {failure ? <ErrorNotice>{failure}</ErrorNotice> : null}

      <fieldset className="transfer-types" disabled={busy}>
        <legend className="field-label">{m.file.type}</legend>
        <div className="transfer-choice-row">
          {importTypes.map((value) => (
            <label key={value} className={value === type ? 'transfer-choice transfer-choice-on' : 'transfer-choice'}>
              <input type="radio" name="recordType" value={value} checked={value === type} onChange={() => setType(value)} data-testid={`import-type-${value}`} />
              {m.types[value]}
            </label>
          ))}
        </div>
      </fieldset>

      <div
        className={['transfer-dropzone', dragging ? 'transfer-dropzone-active' : '', fileError ? 'transfer-dropzone-invalid' : ''].filter(Boolean).join(' ')}
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <p className="transfer-dropzone-title">{m.file.drop}</p>
        <p className="muted">{m.file.or}</p>
        <input
          ref={inputRef}
          id={`${id}-file`}
          className="visually-hidden transfer-file-input"
          type="file"
          accept={accept}
          disabled={busy}
          data-testid="import-file-input"
          aria-invalid={Boolean(fileError)}
          aria-describedby={fileError ? errorId : `${id}-formats`}
          onChange={(event) => choose(event.target.files?.[0])}
        />
        <label className="button" htmlFor={`${id}-file`}>
          {m.file.choose}
        </label>
        <p className="field-hint" id={`${id}-formats`}>
          {m.file.formats}
        </p>
        {file ? (
          <p className="transfer-file" data-testid="import-file-name">
            <span className="muted">{m.file.chosen}:</span> <strong className="break">{file.name}</strong>{' '}
            <span className="muted">({format.number(Math.max(0.1, Math.round((file.size / 1024 / 1024) * 10) / 10))} MB)</span>
            {!busy ? (
              <button
                type="button"
                className="button button-link"
                onClick={() => {
                  setFile(null);
                  setFileError(undefined);
                  if (inputRef.current) inputRef.current.value = '';
                }}
              >
                {m.file.remove}
              </button>
            ) : null}
          </p>
        ) : null}
        {fileError ? (
          <p className="field-error" id={errorId} role="alert">
            {fileError}
          </p>
        ) : null}
      </div>

      {phase.at === 'uploading' ? (
        <ProgressMeter percent={phase.percent} label={m.file.uploading} testId="import-upload-progress" text={m.file.uploaded(phase.percent)} />
      ) : null}
      {phase.at === 'registering' || phase.at === 'finishing' ? (
        <p className="transfer-working" role="status">
          <Spinner size="sm" /> {phase.at === 'registering' ? m.file.registering : m.file.finishing}
        </p>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="import-upload">
          {busy ? <Spinner size="sm" /> : null}
          {phase.at === 'uploading' ? m.file.uploading : m.file.start}
        </button>
      </div>
    </form>
  );
}
