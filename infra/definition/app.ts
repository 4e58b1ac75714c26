import type { AppDefinition, FunctionDef, FunctionGrants, RouteAccess, RouteDef, HttpMethod } from './types';

/**
 * The CRM, declared once. `infra/stack` turns this into CloudFormation; `infra/local` runs it on
 * a laptop. tests/infra/parity.test.ts fails if the two ever disagree.
 */

/**
 * Grants per function (least privilege; see FunctionGrants). Handlers that only read get `readOnly`;
 * anything that writes an item — including Powertools idempotency records, which live in the same
 * table — gets `readWrite`. Only the outbox publisher puts events; only the notifiers send email.
 */
const readOnly: FunctionGrants = { table: 'read', putEvents: false, sendEmail: false };
const readWrite: FunctionGrants = { table: 'read-write', putEvents: false, sendEmail: false };
const readWriteAndEmail: FunctionGrants = { ...readWrite, sendEmail: true };
/** Imports and exports: the job items, and the files they read and write (ADR 0010). */
const readWriteAndFiles: FunctionGrants = { ...readWrite, files: 'read-write' };
/** The stream read comes with the event source mapping (infra/stack/constructs/stream-consumers.ts). */
const publishEvents: FunctionGrants = { table: 'none', putEvents: true, sendEmail: false };

const api = (id: string, entry: string, description: string, grants: FunctionGrants): FunctionDef => ({
  id,
  entry,
  description,
  timeoutSeconds: 10,
  memoryMb: 512,
  grants,
});

const worker = (id: string, entry: string, description: string, grants: FunctionGrants, timeoutSeconds = 60, memoryMb = 512): FunctionDef => ({
  id,
  entry,
  description,
  timeoutSeconds,
  memoryMb,
  grants,
});

const functions = [
  api('health', 'functions/health/get-health.ts', 'Liveness and readiness of the API and its table', readOnly),
  api('users', 'functions/users/users-api.ts', 'User directory: sign-in bookkeeping, users to assign records to', readWrite),
  api('leads', 'functions/leads/leads-api.ts', 'Leads: list, create, read, update, reject, timeline', readWrite),
  api('forms', 'functions/forms/forms-api.ts', 'Web-to-lead form settings', readWrite),
  api('accounts', 'functions/accounts/accounts-api.ts', 'Accounts: list, create, read, update, timeline', readWrite),
  api('contacts', 'functions/contacts/contacts-api.ts', 'Contacts: list, create, read, update, timeline', readWrite),
  api('activities', 'functions/activities/activities-api.ts', 'Tasks, calls, meetings and logged emails', readWrite),
  api('products', 'functions/products/products-api.ts', 'Product and service catalog', readWrite),
  api('deals', 'functions/deals/deals-api.ts', 'Deals: records, order lines, stage moves', readWrite),
  api('pipelines', 'functions/pipelines/pipelines-api.ts', 'Pipelines and their stage rules', readWrite),
  api('custom-fields', 'functions/custom-fields/custom-fields-api.ts', 'Custom field definitions per record type', readWrite),
  api('search', 'functions/search/search-api.ts', 'Quick search across record types', readOnly),
  api('attachments', 'functions/attachments/attachments-api.ts', 'Files on leads, accounts, contacts and deals', readWriteAndFiles),
  api('imports', 'functions/imports/imports-api.ts', 'Imports: upload, column mapping, dry run, progress and report', readWriteAndFiles),
  api('forms-submit', 'functions/forms/submit-form.ts', 'Public web-to-lead endpoint', readWrite),
  worker('outbox-publish', 'functions/events/publish-outbox.ts', 'Publishes committed outbox events to the bus', publishEvents),
  // Signs download links: reading the files is enough.
  api('exports', 'functions/exports/exports-api.ts', 'Exports: request a list as CSV or XLSX, follow it, download it', { ...readWrite, files: 'read' }),
  worker('detect-duplicates', 'functions/duplicates/detect-duplicates.ts', 'Keeps the duplicates view of accounts and contacts in step', readWrite),
  worker('send-reminders', 'functions/notifications/send-reminders.ts', 'Emails activity reminders as they come due', readWriteAndEmail),
  worker('follow-merge', 'functions/duplicates/follow-merge.ts', "Moves a merged record's children and timeline to the survivor", readWrite),
  // Reading a 20 MB spreadsheet and writing a 50 000-row one need room: 1 GB, 5 minutes.
  worker('import-run', 'functions/imports/run-import.ts', 'Reads uploaded files and imports their rows, one step at a time', readWriteAndFiles, 300, 1024),
  worker('export-run', 'functions/exports/run-export.ts', 'Writes a list to a CSV or XLSX file', readWriteAndFiles, 300, 1024),
  worker('notify-lead-owner', 'functions/notifications/notify-lead-owner.ts', "Emails a captured lead's owner", readWriteAndEmail),
  worker(
    'new-leads-digest',
    'functions/notifications/send-new-leads-digest.ts',
    'Morning digest of leads still waiting for first contact',
    readWriteAndEmail,
    300,
  ),
] as const satisfies readonly FunctionDef[];

type FunctionId = (typeof functions)[number]['id'];

const route = (method: HttpMethod, path: string, fn: FunctionId, access: RouteAccess = 'signed-in'): RouteDef => ({
  method,
  path,
  function: fn,
  access,
});

/** The routes a resource's function serves (ADR 0007), as `METHOD /path` route keys. */
const signedInRoutesOf = (fn: FunctionId, keys: readonly `${HttpMethod} /api/${string}`[]): RouteDef[] =>
  keys.map((key) => {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    return route(method, path, fn);
  });

/** The routes every core record type has (functions/records/record-routes.ts). */
const coreRecordRoutes = (resource: string) =>
  [
    `GET /api/${resource}`,
    `POST /api/${resource}`,
    `GET /api/${resource}/{id}`,
    `PATCH /api/${resource}/{id}`,
    `GET /api/${resource}/{id}/timeline`,
  ] as const;

/** Duplicates of the types that can have them (REC-12): per record, per type, merge, dismiss. */
const duplicateRoutes = (resource: string) =>
  [
    `GET /api/${resource}/{id}/duplicates`,
    `POST /api/${resource}/{id}/merge`,
    `GET /api/${resource}/duplicates`,
    `POST /api/${resource}/duplicates/dismiss`,
  ] as const;

export const app: AppDefinition = {
  functions,
  routes: [
    route('GET', '/api/health', 'health', 'public'),
    route('POST', '/api/forms/{formId}/submissions', 'forms-submit', 'public'),
    ...signedInRoutesOf('users', ['POST /api/session', 'GET /api/users']),
    ...signedInRoutesOf('leads', [
      'GET /api/leads',
      'POST /api/leads',
      'GET /api/leads/{leadId}',
      'PATCH /api/leads/{leadId}',
      'POST /api/leads/{leadId}/reject',
      'GET /api/leads/{leadId}/timeline',
      'POST /api/leads/{leadId}/convert',
      'POST /api/leads/{leadId}/notes',
      'GET /api/leads/duplicates',
      'POST /api/leads/duplicates/dismiss',
      'GET /api/leads/{leadId}/duplicates',
      'POST /api/leads/{leadId}/merge',
    ]),
    ...signedInRoutesOf('forms', ['GET /api/forms', 'POST /api/forms', 'GET /api/forms/{formId}', 'PUT /api/forms/{formId}']),
    ...signedInRoutesOf('accounts', [...coreRecordRoutes('accounts'), 'POST /api/accounts/{id}/notes', ...duplicateRoutes('accounts')]),
    ...signedInRoutesOf('contacts', [...coreRecordRoutes('contacts'), 'POST /api/contacts/{id}/notes', 'GET /api/contacts/{id}/deals', ...duplicateRoutes('contacts')]),
    ...signedInRoutesOf('activities', coreRecordRoutes('activities')),
    ...signedInRoutesOf('products', coreRecordRoutes('products')),
    ...signedInRoutesOf('deals', [...coreRecordRoutes('deals'), 'POST /api/deals/{id}/stage', 'POST /api/deals/{id}/notes']),
    ...signedInRoutesOf('pipelines', ['GET /api/pipelines', 'GET /api/pipelines/{pipelineId}', 'PUT /api/pipelines/{pipelineId}']),
    ...signedInRoutesOf('custom-fields', ['GET /api/custom-fields/{recordType}', 'PUT /api/custom-fields/{recordType}']),
    ...signedInRoutesOf('search', ['GET /api/search']),
    ...signedInRoutesOf('attachments', [
      'GET /api/{resource}/{id}/attachments',
      'POST /api/{resource}/{id}/attachments',
      'POST /api/{resource}/{id}/attachments/{attachmentId}/complete',
      'GET /api/{resource}/{id}/attachments/{attachmentId}/download',
      'DELETE /api/{resource}/{id}/attachments/{attachmentId}',
    ]),
    ...signedInRoutesOf('exports', ['POST /api/exports', 'GET /api/exports/{exportId}']),
    ...signedInRoutesOf('imports', [
      'GET /api/imports',
      'POST /api/imports',
      'GET /api/imports/{importId}',
      'PATCH /api/imports/{importId}',
      'POST /api/imports/{importId}/file',
      'POST /api/imports/{importId}/check',
      'POST /api/imports/{importId}/run',
      'POST /api/imports/{importId}/resume',
      'POST /api/imports/{importId}/cancel',
      'GET /api/imports/{importId}/rows',
    ]),
  ],
  rules: [
    {
      id: 'lead-captured-notify-owner',
      description: 'A lead arrived through a web form: email its owner',
      eventPattern: { source: ['crm.leads'], 'detail-type': ['LeadCaptured'] },
      function: 'notify-lead-owner',
    },
    {
      id: 'duplicates-detect',
      description: 'An account or contact was created, changed or merged, or two leads were merged: update its duplicate pairs',
      eventPattern: { source: ['crm.records'], 'detail-type': ['RecordCreated', 'RecordUpdated', 'RecordsMerged'], detail: { record: { type: ['lead', 'account', 'contact'] } } },
      function: 'detect-duplicates',
    },
    {
      id: 'lead-duplicates-detect',
      description: "A lead was created, changed, repeated, rejected or converted: update its duplicate pairs",
      eventPattern: { source: ['crm.leads'], 'detail-type': ['LeadCreated', 'LeadUpdated', 'LeadResubmitted', 'LeadRejected', 'LeadConverted'] },
      function: 'detect-duplicates',
    },
    {
      id: 'records-merged-follow',
      description: "Two records were merged: move the merged one's children and timeline to the survivor",
      eventPattern: { source: ['crm.records'], 'detail-type': ['RecordsMerged'] },
      function: 'follow-merge',
    },
    {
      id: 'export-requested-run',
      description: 'A list export was requested: write its file',
      eventPattern: { source: ['crm.transfers'], 'detail-type': ['ExportRequested'] },
      function: 'export-run',
    },
    {
      id: 'import-requested-run',
      description: 'An import phase was started, resumed or handed over: run its next step',
      eventPattern: { source: ['crm.transfers'], 'detail-type': ['ImportRequested'] },
      function: 'import-run',
    },
  ],
  schedules: [
    {
      id: 'new-leads-morning-digest',
      description: 'Weekday mornings: each owner gets the leads still waiting for first contact',
      expression: 'cron(0 9 ? * MON-FRI *)',
      timeZone: 'client',
      function: 'new-leads-digest',
    },
    {
      id: 'activity-reminders',
      description: 'Every minute: email the owners of activities whose reminder has come due',
      expression: 'rate(1 minute)',
      timeZone: 'client',
      function: 'send-reminders',
    },
  ],
  streamConsumers: [
    { id: 'outbox', function: 'outbox-publish', insertedEntity: 'HISTORY', batchSize: 100 },
  ],
  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    globalIndexes: [
      // Overloaded indexes; key formats per entity in docs/data-model.md.
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
      { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
      { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
      { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
    ],
    stream: 'NEW_IMAGE',
    timeToLiveAttribute: 'expiresAt',
  },
  eventSourcePrefix: 'crm',
  maxRequestBodyBytes: 10 * 1024 * 1024,
};

export const functionById = (id: string): FunctionDef => {
  const fn = app.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`No function "${id}" in the app definition`);
  return fn;
};
