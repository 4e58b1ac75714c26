import { exportRoutes } from '../../../shared/api/routes/exports';
import { ruleOn } from '../event-rules';
import { readWrite, readWriteAndFiles } from '../grants';
import { api, serve, worker } from '../module-kit';
import type { ModuleDef } from '../types';

// Signs download links: reading the files is enough.
const exportsApi = api('exports', 'functions/exports/exports-api.ts', 'Exports: request a list as CSV or XLSX, follow it, download it', { ...readWrite, files: 'read' });
const run = worker('export-run', 'functions/exports/run-export.ts', 'Writes a list to a CSV or XLSX file', readWriteAndFiles, 300, 1024);

/** Exports (REC-11): the routes, and the runner that writes the file. */
export const exportsModule: ModuleDef = {
  functions: [exportsApi, run],
  routes: serve(exportsApi, exportRoutes),
  rules: [{ id: 'export-requested-run', description: 'A list export was requested: write its file', eventPattern: ruleOn('ExportRequested'), function: run.id }],
};
