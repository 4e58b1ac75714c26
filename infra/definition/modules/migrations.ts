import { worker } from '../module-kit';
import type { FunctionGrants, ModuleDef } from '../types';
import { readWrite } from '../grants';

/**
 * Data migrations (issue 14 §2, ADR 0024): the function that runs the pending ones after a deploy
 * (the stack's trigger) and continues them by its own one-time moment; `npm start` runs the same
 * registry on its data folder before serving. It reads users' `custom:accountId` (migration 0002).
 */
const grants: FunctionGrants = { ...readWrite, userPool: 'admin', oneTimeSchedules: true };
// 15 minutes, Lambda's most: a run stops itself after 12 and hands over (shared/migrations/run-after-deploy.ts).
const run = worker('run-migrations', 'functions/migrations/run-migrations.ts', 'Runs the pending data migrations after a deploy, resuming from their saved state until done', grants, 900, 1024);

export const migrationsModule: ModuleDef = {
  functions: [run],
  oneTimeTargets: [{ moment: 'migrations', description: 'Migrations left after a run: continue them', function: run.id }],
  afterDeploy: [run.id],
};
