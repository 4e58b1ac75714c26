import { importRoutes } from '../../../shared/api/routes/imports';
import { ruleOn } from '../event-rules';
import { readWriteAndFiles, readWriteAndMoments } from '../grants';
import { api, serve, worker } from '../module-kit';
import type { ModuleDef } from '../types';

const imports = api('imports', 'functions/imports/imports-api.ts', 'Imports: upload, column mapping, dry run, progress and report', readWriteAndFiles);
// Reading a 20 MB spreadsheet and writing a 50 000-row one need room: 1 GB, 5 minutes.
const run = worker('import-run', 'functions/imports/run-import.ts', 'Reads uploaded files and imports their rows, one step at a time', readWriteAndFiles, 300, 1024);
// The watchdog is a one-time stale check per running import (ADR 0012), kept from its events.
const keepCheck = worker('schedule-import-check', 'functions/imports/schedule-import-check.ts', "Sets an import's stale check 15 minutes after its last sign of life, or deletes it", readWriteAndMoments);
const watchdog = worker('import-watchdog', 'functions/imports/import-watchdog.ts', 'Resumes an import whose runner died, or ends it failed with the reason', readWriteAndMoments);

/** Imports (REC-11, ADR 0011): the wizard's routes, the runner each step sets going, and its watchdog. */
export const importsModule: ModuleDef = {
  functions: [imports, run, keepCheck, watchdog],
  routes: serve(imports, importRoutes),
  rules: [
    {
      id: 'import-requested-run',
      description: 'An import phase was started, resumed or handed over: run its next step',
      eventPattern: ruleOn('ImportRequested'),
      function: run.id,
    },
    {
      id: 'import-progress-schedule-check',
      description: "An import phase was started, handed over or finished: move its stale check, or delete it",
      eventPattern: ruleOn(['ImportRequested', 'ImportFinished']),
      function: keepCheck.id,
    },
  ],
  oneTimeTargets: [{ moment: 'import-check', description: 'An import silent for 15 minutes: resume it, or end it failed', function: watchdog.id }],
};
