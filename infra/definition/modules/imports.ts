import { importRoutes } from '../../../shared/api/routes/imports';
import { ruleOn } from '../event-rules';
import { readWrite, readWriteAndFiles } from '../grants';
import { api, serve, worker } from '../module-kit';
import type { ModuleDef } from '../types';

const imports = api('imports', 'functions/imports/imports-api.ts', 'Imports: upload, column mapping, dry run, progress and report', readWriteAndFiles);
// Reading a 20 MB spreadsheet and writing a 50 000-row one need room: 1 GB, 5 minutes.
const run = worker('import-run', 'functions/imports/run-import.ts', 'Reads uploaded files and imports their rows, one step at a time', readWriteAndFiles, 300, 1024);
const watchdog = worker('import-watchdog', 'functions/imports/import-watchdog.ts', 'Resumes imports whose runner died, or ends them failed with the reason', readWrite);

/** Imports (REC-11, ADR 0011): the wizard's routes, the runner each step sets going, and its watchdog. */
export const importsModule: ModuleDef = {
  functions: [imports, run, watchdog],
  routes: serve(imports, importRoutes),
  rules: [
    {
      id: 'import-requested-run',
      description: 'An import phase was started, resumed or handed over: run its next step',
      eventPattern: ruleOn('ImportRequested'),
      function: run.id,
    },
  ],
  schedules: [
    {
      id: 'import-watchdog',
      description: 'Every five minutes: resume imports with no sign of life for 15 minutes, or end them failed with the reason',
      expression: 'rate(5 minutes)',
      timeZone: 'client',
      function: watchdog.id,
    },
  ],
};
