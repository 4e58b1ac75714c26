import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { ImportJob, ImportStatus } from '@shared/domain/imports/import-job';
import { isApiError } from '../../api/api-error';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n/use-i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { LoadingState } from '../../ui/LoadingState';
import { LoadFailed } from '../../ui/LoadFailed';
import { CancelImportButton } from './CancelImportButton';
import { CheckStep } from './CheckStep';
import { FileStep } from './FileStep';
import { useImportMessages } from './import-messages';
import { MappingStep } from './MappingStep';
import { ProgressStep } from './ProgressStep';
import { ResultStep } from './ResultStep';
import { AppLink } from '../../ui/AppLink';
import { useImportJob } from './use-imports';
import '../../styles/transfer.css';

/**
 * The import wizard (REC-11): 1 file, 2 column mapping, 3 dry run and its report, 4 import,
 * 5 result. Without an id it starts a new import; with one it shows the step the job is at,
 * following the background work every second. The job's status decides the step, so a reload,
 * a second tab or a link from the list all land in the right place.
 */
type Step = 'file' | 'mapping' | 'check' | 'import' | 'result';
const steps: Step[] = ['file', 'mapping', 'check', 'import', 'result'];

const stepOf: Record<ImportStatus, Step> = {
  uploading: 'file',
  reading: 'mapping',
  mapping: 'mapping',
  checking: 'check',
  checked: 'check',
  importing: 'import',
  done: 'result',
  failed: 'result',
  cancelled: 'result',
};

export function ImportWizardPage({ importId }: { importId?: string }) {
  return importId ? <ImportJobView key={importId} id={importId} /> : <NewImportView />;
}

function NewImportView() {
  const m = useImportMessages();
  useDocumentTitle(m.newImport);
  return (
    <WizardFrame title={m.newImport} step="file">
      <FileStep />
    </WizardFrame>
  );
}

function WizardFrame({ title, step, meta, children }: { title: string; step: Step; meta?: ReactNode; children: ReactNode }) {
  const m = useImportMessages();
  const current = steps.indexOf(step);
  return (
    <section className="page page-wide transfer-page" aria-labelledby="import-title">
      <AppLink href="/imports" className="back-link">
        <span aria-hidden="true">←</span> {m.backToList}
      </AppLink>
      <header className="page-header">
        <h1 id="import-title" className="break">
          {title}
        </h1>
      </header>
      {meta}
      <ol className="transfer-steps" aria-label={m.steps.label}>
        {steps.map((value, index) => (
          <li
            key={value}
            className={index === current ? 'transfer-steps-item transfer-steps-current' : index < current ? 'transfer-steps-item transfer-steps-done' : 'transfer-steps-item'}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="transfer-steps-number" aria-hidden="true">
              {index < current ? '✓' : index + 1}
            </span>
            <span>{m.steps[value]}</span>
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}

function ImportJobView({ id }: { id: string }) {
  const m = useImportMessages();
  const { format } = useI18n();
  const { data: job, isPending, error, refetch } = useImportJob(id);
  const [remapping, setRemapping] = useState(false);
  useDocumentTitle(job ? `${m.title}: ${job.fileName}` : m.title);

  // The step changed (the runner finished, an action moved it on): bring its heading into focus.
  const containerRef = useRef<HTMLDivElement>(null);
  const status = job?.status;
  const seen = useRef<ImportStatus | undefined>(undefined);
  useEffect(() => {
    if (!status) return;
    if (seen.current && seen.current !== status) containerRef.current?.querySelector<HTMLElement>('.transfer-step-title')?.focus();
    seen.current = status;
    if (status !== 'checked' && status !== 'mapping') setRemapping(false);
  }, [status]);

  if (isPending) return <LoadingState text={m.loading} />;
  if (!job) {
    return (
      <section className="page">
        <AppLink href="/imports" className="back-link">
          <span aria-hidden="true">←</span> {m.backToList}
        </AppLink>
        {isApiError(error) && error.isNotFound ? <ErrorNotice>{m.notFound}</ErrorNotice> : <LoadFailed error={error} retry={() => void refetch()} />}
      </section>
    );
  }

  const step: Step = remapping ? 'mapping' : stepOf[job.status];
  const meta = (
    <p className="transfer-meta">
      <span>{m.types[job.recordType]}</span>
      <span aria-hidden="true">·</span>
      <span>
        <span className="visually-hidden">{m.columns.status}: </span>
        <span className={`badge transfer-status transfer-status-${job.status}`} data-testid="import-status" data-status={job.status}>
          {m.statuses[job.status]}
        </span>
      </span>
      {job.rowCount !== undefined ? (
        <>
          <span aria-hidden="true">·</span>
          <span>
            {m.columns.rows}: {format.number(job.rowCount)}
          </span>
        </>
      ) : null}
      <span aria-hidden="true">·</span>
      <time dateTime={job.createdAt}>{format.dateTime(job.createdAt)}</time>
    </p>
  );

  return (
    <WizardFrame title={`${m.title}: ${job.fileName}`} step={step} meta={meta}>
      <div ref={containerRef}>{stepContent(job, remapping, setRemapping, m)}</div>
    </WizardFrame>
  );
}

function stepContent(job: ImportJob, remapping: boolean, setRemapping: (value: boolean) => void, m: ReturnType<typeof useImportMessages>): ReactNode {
  if (remapping && (job.status === 'checked' || job.status === 'mapping')) return <MappingStep job={job} onBack={() => setRemapping(false)} />;
  switch (job.status) {
    case 'uploading':
      return (
        <section className="transfer-step">
          <h2 className="transfer-step-title" tabIndex={-1}>
            {m.steps.file}
          </h2>
          <ErrorNotice>{m.file.interrupted}</ErrorNotice>
          <div className="form-actions">
            <AppLink href="/imports/new" className="button button-primary" testId="import-another">
              {m.newImport}
            </AppLink>
            <CancelImportButton job={job} />
          </div>
        </section>
      );
    case 'reading':
      return (
        <section className="transfer-step">
          <h2 className="transfer-step-title visually-hidden" tabIndex={-1}>
            {m.steps.mapping}
          </h2>
          <LoadingState text={m.reading} />
        </section>
      );
    case 'mapping':
      return <MappingStep key={job.id} job={job} />;
    case 'checked':
      return <CheckStep job={job} onEditMapping={() => setRemapping(true)} />;
    case 'checking':
    case 'importing':
      return <ProgressStep job={job} />;
    case 'done':
    case 'failed':
    case 'cancelled':
      return <ResultStep job={job} />;
  }
}
