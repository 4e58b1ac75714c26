import type { Page } from '@shared/api/contracts';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { DuplicatePolicy, ImportJob, ImportPhase, ImportRow, ImportType, RowOutcome } from '@shared/domain/imports/import-job';
import type { HttpClient } from '../../api/http-client';

/**
 * The imports API (functions/imports/imports-api.ts) as typed calls, and the upload of the file
 * itself, which goes straight to the file store's presigned URL: no API token travels with it.
 */
export interface UploadTarget {
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

export interface StartImportBody {
  recordType: ImportType;
  fileName: string;
  contentType: string;
  bytes: number;
  duplicatePolicy?: DuplicatePolicy;
}

export interface ConfigureImportBody {
  version: number;
  mapping?: (string | null)[];
  duplicatePolicy?: DuplicatePolicy;
  rowActions?: Record<string, DuplicatePolicy>;
}

export interface ReportQuery {
  phase: ImportPhase;
  outcome?: RowOutcome;
  limit: number;
  cursor?: string;
}

export interface ImportsApi {
  list(cursor?: string): Promise<Page<ImportJob>>;
  get(id: string): Promise<ImportJob>;
  start(body: StartImportBody): Promise<{ import: ImportJob; upload: UploadTarget }>;
  fileUploaded(id: string, version: number): Promise<ImportJob>;
  configure(id: string, body: ConfigureImportBody): Promise<ImportJob>;
  check(id: string, version: number): Promise<ImportJob>;
  run(id: string, version: number): Promise<ImportJob>;
  resume(id: string, version: number): Promise<ImportJob>;
  cancel(id: string, version: number): Promise<ImportJob>;
  rows(id: string, query: ReportQuery): Promise<Page<ImportRow>>;
  customFields(type: ImportType): Promise<{ fields: CustomField[]; version: number }>;
}

export const importsPageSize = 25;

const importPath = (id: string) => `/api/imports/${encodeURIComponent(id)}`;

export function createImportsApi(http: HttpClient): ImportsApi {
  return {
    list: (cursor) => http.get('/api/imports', { limit: importsPageSize, cursor }),
    get: (id) => http.get(importPath(id)),
    start: (body) => http.post('/api/imports', body),
    fileUploaded: (id, version) => http.post(`${importPath(id)}/file`, { version }),
    configure: (id, body) => http.patch(importPath(id), body),
    check: (id, version) => http.post(`${importPath(id)}/check`, { version }),
    run: (id, version) => http.post(`${importPath(id)}/run`, { version }),
    resume: (id, version) => http.post(`${importPath(id)}/resume`, { version }),
    cancel: (id, version) => http.post(`${importPath(id)}/cancel`, { version }),
    rows: (id, query) => http.get(`${importPath(id)}/rows`, { ...query }),
    customFields: (type) => http.get(`/api/custom-fields/${encodeURIComponent(type)}`),
  };
}

/** The upload failed: `expired` when the store refused the (time-limited) signature. */
export class UploadError extends Error {
  constructor(
    readonly kind: 'network' | 'expired' | 'refused' | 'aborted',
    readonly status = 0,
  ) {
    super(`Upload ${kind}${status ? ` (${status})` : ''}`);
    this.name = 'UploadError';
  }
}

/** Headers the browser sets itself and refuses to be given. */
const browserHeaders = new Set(['content-length', 'host', 'connection']);

/**
 * PUTs the file to the presigned URL with exactly the headers the signature covers, reporting
 * progress (0–100). XMLHttpRequest, because fetch cannot report upload progress.
 */
export function uploadFile(target: UploadTarget, file: Blob, onProgress: (percent: number) => void, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(target.method, target.url);
    for (const [name, value] of Object.entries(target.headers)) {
      if (!browserHeaders.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve();
      } else {
        const expired = xhr.status === 403 && /expired/i.test(xhr.responseText);
        reject(new UploadError(expired ? 'expired' : 'refused', xhr.status));
      }
    };
    xhr.onerror = () => reject(new UploadError('network'));
    xhr.onabort = () => reject(new UploadError('aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The content type the API accepts for a file name (browsers report CSV inconsistently). */
export function contentTypeOf(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.txt')) return 'text/plain';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}
