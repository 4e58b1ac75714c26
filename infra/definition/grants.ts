import type { FunctionGrants } from './types';

/**
 * Grant presets (least privilege; see FunctionGrants). Handlers that only read get `readOnly`;
 * anything that writes an item — including Powertools idempotency records, which live in the same
 * table — gets `readWrite`. Only the outbox publisher puts events; only the notifiers send email.
 */
export const readOnly: FunctionGrants = { table: 'read', putEvents: false, sendEmail: false };
export const readWrite: FunctionGrants = { table: 'read-write', putEvents: false, sendEmail: false };
export const readWriteAndEmail: FunctionGrants = { ...readWrite, sendEmail: true };
/** Imports and exports: the job items, and the files they read and write (ADR 0010). */
export const readWriteAndFiles: FunctionGrants = { ...readWrite, files: 'read-write' };
/** Administers people: the directory, Cognito's users and groups, and the emails that go with it. */
export const userAdministration: FunctionGrants = { ...readWriteAndEmail, userPool: 'admin' };
/** The stream read comes with the event source mapping (infra/stack/constructs/stream-consumers.ts). */
export const publishEvents: FunctionGrants = { table: 'none', putEvents: true, sendEmail: false };
/** Nothing of the app's: a function that answers from what its bundle holds. */
export const noGrants: FunctionGrants = { table: 'none', putEvents: false, sendEmail: false };
/** Keeps one-time moments' schedules (ADR 0012): the table (its idempotency records, what it reads) and the Scheduler. */
export const readWriteAndMoments: FunctionGrants = { ...readWrite, oneTimeSchedules: true };
/** A reminder fired: reads the activity, emails its owner, and sets the reminder again if it moved meanwhile. */
export const readWriteEmailAndMoments: FunctionGrants = { ...readWriteAndEmail, oneTimeSchedules: true };
