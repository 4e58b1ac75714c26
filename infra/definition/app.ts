import type { Permission, RouteAction, Subject } from '../../shared/auth/permissions';
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
/** Administers people: the directory, Cognito's users and groups, and the emails that go with it. */
const userAdministration: FunctionGrants = { ...readWriteAndEmail, userPool: 'admin' };
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
  api('users', 'functions/users/users-api.ts', 'Users: sign-in bookkeeping, the directory, invitations, roles, disabling, access requests', userAdministration),
  api('api-keys', 'functions/api-keys/api-keys-api.ts', 'Integration API keys: create, list, revoke', readWrite),
  // Runs before every integration API call: one GetItem, then API Gateway caches its answer briefly.
  { ...worker('api-key-authorizer', 'functions/api-keys/authorize-api-key.ts', 'Checks the X-Api-Key of integration API calls', readOnly, 5, 256) },
  api('leads', 'functions/leads/leads-api.ts', 'Leads: list, create, read, update, reject, timeline', readWrite),
  api('forms', 'functions/forms/forms-api.ts', 'Web-to-lead form settings', readWrite),
  api('accounts', 'functions/accounts/accounts-api.ts', 'Accounts: list, create, read, update, timeline', readWrite),
  api('contacts', 'functions/contacts/contacts-api.ts', 'Contacts: list, create, read, update, timeline', readWrite),
  api('activities', 'functions/activities/activities-api.ts', 'Tasks, calls, meetings and logged emails', readWrite),
  api('products', 'functions/products/products-api.ts', 'Product and service catalog', readWrite),
  api('deals', 'functions/deals/deals-api.ts', 'Deals: records, order lines, stage moves', readWrite),
  api('cases', 'functions/cases/cases-api.ts', 'Service cases: records, internal notes, replies to the client', readWrite),
  api('pipelines', 'functions/pipelines/pipelines-api.ts', 'Pipelines and their stage rules', readWrite),
  api('custom-fields', 'functions/custom-fields/custom-fields-api.ts', 'Custom field definitions per record type', readWrite),
  api('teams', 'functions/teams/teams-api.ts', 'Teams: managers and members, for team visibility', readWrite),
  // Reading the trail is itself a call on the trail: it writes its own entry.
  api('audit', 'functions/audit/audit-api.ts', 'The audit trail and the usage view', readWrite),
  api('portal', 'functions/portal/portal-api.ts', "The client portal: the portal user's account's deals and cases", readWrite),
  api('transfers', 'functions/transfers/transfers-api.ts', 'Bulk transfer of records to another owner', readWrite),
  // Reads only, but every search is written to the audit trail.
  api('search', 'functions/search/search-api.ts', 'Quick search across record types', readWrite),
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
  worker('import-watchdog', 'functions/imports/import-watchdog.ts', 'Resumes imports whose runner died, or ends them failed with the reason', readWrite),
  worker('export-run', 'functions/exports/run-export.ts', 'Writes a list to a CSV or XLSX file', readWriteAndFiles, 300, 1024),
  worker('notify-lead-owner', 'functions/notifications/notify-lead-owner.ts', "Emails a captured lead's owner", readWriteAndEmail),
  worker('notify-case-owner', 'functions/notifications/notify-case-owner.ts', "Emails a case's owner what its client did in the portal", readWriteAndEmail),
  worker(
    'new-leads-digest',
    'functions/notifications/send-new-leads-digest.ts',
    'Morning digest of leads still waiting for first contact',
    readWriteAndEmail,
    300,
  ),
] as const satisfies readonly FunctionDef[];

type FunctionId = (typeof functions)[number]['id'];

const route = (method: HttpMethod, path: string, fn: FunctionId, access: RouteAccess = 'signed-in', permission?: Permission): RouteDef => ({
  method,
  path,
  function: fn,
  access,
  ...(permission ? { permission } : {}),
});

type RouteKey = `${HttpMethod} /api/${string}`;
/** What a route needs: an action on the function's subject, another permission, or only a signed-in user. */
type Need = RouteAction | Permission | 'signed-in';

/** The routes a resource's function serves (ADR 0007), by route key, with the permission each needs (ACC-1). */
const signedInRoutesOf = (fn: FunctionId, subject: Subject | undefined, keys: Readonly<Record<RouteKey, Need>>): RouteDef[] =>
  Object.entries(keys).map(([key, need]) => {
    const [method, path] = key.split(' ') as [HttpMethod, string];
    if (need === 'signed-in') return route(method, path, fn);
    if (typeof need === 'object') return route(method, path, fn, 'signed-in', need);
    if (!subject) throw new Error(`${key}: an action needs the function's subject`);
    return route(method, path, fn, 'signed-in', { subject, action: need });
  });

/** The routes every core record type has (functions/records/record-routes.ts). */
const coreRecordRoutes = (resource: string) =>
  ({
    [`GET /api/${resource}`]: 'read',
    [`POST /api/${resource}`]: 'create',
    [`GET /api/${resource}/{id}`]: 'read',
    [`PATCH /api/${resource}/{id}`]: 'update',
    [`GET /api/${resource}/{id}/timeline`]: 'read',
  }) as const satisfies Record<RouteKey, Need>;

/** Duplicates of the types that can have them (REC-12): per record, per type, merge, dismiss. */
const duplicateRoutes = (resource: string) =>
  ({
    [`GET /api/${resource}/{id}/duplicates`]: 'read',
    [`POST /api/${resource}/{id}/merge`]: 'merge',
    [`GET /api/${resource}/duplicates`]: 'read',
    [`POST /api/${resource}/duplicates/dismiss`]: 'merge',
  }) as const satisfies Record<RouteKey, Need>;

export const app: AppDefinition = {
  functions,
  routes: [
    route('GET', '/api/health', 'health', 'public'),
    route('POST', '/api/forms/{formId}/submissions', 'forms-submit', 'public'),
    ...signedInRoutesOf('users', 'users', {
      'POST /api/session': 'signed-in',
      'GET /api/users': 'read',
      'POST /api/users/invitations': 'manage',
      'POST /api/users/{userId}/invitation': 'manage',
      'PUT /api/users/{userId}/roles': 'manage',
      'POST /api/users/{userId}/disable': 'manage',
      'POST /api/users/{userId}/enable': 'manage',
      'GET /api/access-requests': { subject: 'access-requests', action: 'read' },
      'POST /api/access-requests': { subject: 'access-requests', action: 'create' },
      'POST /api/access-requests/{requestId}/grant': { subject: 'access-requests', action: 'manage' },
      'POST /api/access-requests/{requestId}/decline': { subject: 'access-requests', action: 'manage' },
    }),
    ...signedInRoutesOf('api-keys', 'api-keys', { 'GET /api/api-keys': 'read', 'POST /api/api-keys': 'manage', 'POST /api/api-keys/{keyId}/revoke': 'manage' }),
    ...signedInRoutesOf('leads', 'leads', {
      'GET /api/leads': 'read',
      'POST /api/leads': 'create',
      'GET /api/leads/{leadId}': 'read',
      'PATCH /api/leads/{leadId}': 'update',
      'POST /api/leads/{leadId}/reject': 'update',
      'GET /api/leads/{leadId}/timeline': 'read',
      'POST /api/leads/{leadId}/convert': 'update',
      'POST /api/leads/{leadId}/notes': 'update',
      'GET /api/leads/duplicates': 'read',
      'POST /api/leads/duplicates/dismiss': 'merge',
      'GET /api/leads/{leadId}/duplicates': 'read',
      'POST /api/leads/{leadId}/merge': 'merge',
    }),
    ...signedInRoutesOf('forms', 'forms', { 'GET /api/forms': 'read', 'POST /api/forms': 'create', 'GET /api/forms/{formId}': 'read', 'PUT /api/forms/{formId}': 'update' }),
    ...signedInRoutesOf('accounts', 'accounts', { ...coreRecordRoutes('accounts'), 'POST /api/accounts/{id}/notes': 'update', ...duplicateRoutes('accounts') }),
    ...signedInRoutesOf('contacts', 'contacts', {
      ...coreRecordRoutes('contacts'),
      'POST /api/contacts/{id}/notes': 'update',
      'GET /api/contacts/{id}/deals': { subject: 'deals', action: 'read' },
      ...duplicateRoutes('contacts'),
    }),
    ...signedInRoutesOf('activities', 'activities', coreRecordRoutes('activities')),
    ...signedInRoutesOf('products', 'products', coreRecordRoutes('products')),
    ...signedInRoutesOf('deals', 'deals', { ...coreRecordRoutes('deals'), 'POST /api/deals/{id}/stage': 'update', 'POST /api/deals/{id}/notes': 'update' }),
    ...signedInRoutesOf('cases', 'cases', {
      ...coreRecordRoutes('cases'),
      // Internal notes stay with the staff; comments are replies the client sees in the portal.
      'POST /api/cases/{id}/notes': 'update',
      'POST /api/cases/{id}/comments': 'update',
    }),
    ...signedInRoutesOf('pipelines', 'pipelines', { 'GET /api/pipelines': 'read', 'GET /api/pipelines/{pipelineId}': 'read', 'PUT /api/pipelines/{pipelineId}': 'manage' }),
    ...signedInRoutesOf('custom-fields', 'custom-fields', { 'GET /api/custom-fields/{recordType}': 'read', 'PUT /api/custom-fields/{recordType}': 'manage' }),
    ...signedInRoutesOf('teams', 'teams', { 'GET /api/teams': 'read', 'PUT /api/teams': 'manage', 'GET /api/sharing': 'read', 'PUT /api/sharing': 'manage' }),
    ...signedInRoutesOf('audit', 'audit', { 'GET /api/audit': 'read', 'GET /api/audit/usage': 'read' }),
    ...signedInRoutesOf('transfers', undefined, { 'POST /api/{resource}/transfer': { subjectParam: 'resource', action: 'transfer' } }),
    ...signedInRoutesOf('portal', 'portal', {
      'GET /api/portal/deals': 'read',
      'GET /api/portal/deals/{id}': 'read',
      'GET /api/portal/cases': 'read',
      'POST /api/portal/cases': 'create',
      'GET /api/portal/cases/{id}': 'read',
      'POST /api/portal/cases/{id}/comments': 'update',
      'POST /api/portal/cases/{id}/rating': 'update',
    }),
    ...signedInRoutesOf('search', 'search', { 'GET /api/search': 'read' }),
    // A record's files are the record's: reading them needs read on it, changing them update.
    ...signedInRoutesOf('attachments', undefined, {
      'GET /api/{resource}/{id}/attachments': { subjectParam: 'resource', action: 'read' },
      'POST /api/{resource}/{id}/attachments': { subjectParam: 'resource', action: 'update' },
      'POST /api/{resource}/{id}/attachments/{attachmentId}/complete': { subjectParam: 'resource', action: 'update' },
      'GET /api/{resource}/{id}/attachments/{attachmentId}/download': { subjectParam: 'resource', action: 'read' },
      'DELETE /api/{resource}/{id}/attachments/{attachmentId}': { subjectParam: 'resource', action: 'update' },
    }),
    ...signedInRoutesOf('exports', 'exports', { 'POST /api/exports': 'create', 'GET /api/exports/{exportId}': 'read' }),
    ...signedInRoutesOf('imports', 'imports', {
      'GET /api/imports': 'read',
      'POST /api/imports': 'create',
      'GET /api/imports/{importId}': 'read',
      'PATCH /api/imports/{importId}': 'update',
      'POST /api/imports/{importId}/file': 'update',
      'POST /api/imports/{importId}/check': 'update',
      'POST /api/imports/{importId}/run': 'update',
      'POST /api/imports/{importId}/resume': 'update',
      'POST /api/imports/{importId}/cancel': 'update',
      'GET /api/imports/{importId}/rows': 'read',
    }),
  ],
  rules: [
    {
      id: 'lead-captured-notify-owner',
      description: 'A lead arrived through a web form: email its owner',
      eventPattern: { source: ['crm.leads'], 'detail-type': ['LeadCaptured'] },
      function: 'notify-lead-owner',
    },
    {
      id: 'case-opened-in-portal-notify-owner',
      description: "A case was created (the function keeps those opened in the portal): email its owner",
      eventPattern: { source: ['crm.records'], 'detail-type': ['RecordCreated'], detail: { record: { type: ['case'] } } },
      function: 'notify-case-owner',
    },
    {
      id: 'case-client-replied-notify-owner',
      description: "A case's client wrote on it in the portal: email its owner",
      eventPattern: { source: ['crm.cases'], 'detail-type': ['CaseCommentAdded'], detail: { from: ['client'] } },
      function: 'notify-case-owner',
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
    {
      id: 'import-watchdog',
      description: 'Every five minutes: resume imports with no sign of life for 15 minutes, or end them failed with the reason',
      expression: 'rate(5 minutes)',
      timeZone: 'client',
      function: 'import-watchdog',
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
  apiKeyAuthorizer: 'api-key-authorizer',
};

export const functionById = (id: string): FunctionDef => {
  const fn = app.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`No function "${id}" in the app definition`);
  return fn;
};
