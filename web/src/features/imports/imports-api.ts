import type { Page } from '@shared/api/contracts';
import type { CustomField } from '@shared/domain/custom-fields/custom-field';
import type { DuplicatePolicy, ImportJob, ImportPhase, ImportRow, ImportType, RowOutcome } from '@shared/domain/imports/import-job';
import type { HttpClient } from '../../api/http-client';
import type { UploadTarget } from '../../api/upload-file';

/**
 * The imports API (functions/imports/imports-api.ts) as typed calls; the file itself goes straight
 * to the file store (api/upload-file.ts).
 */
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

/** The content type the API accepts for a file name (browsers report CSV inconsistently). */
export function contentTypeOf(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.txt')) return 'text/plain';
  if (name.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}
