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

const worker = (id: string, entry: string, description: string, grants: FunctionGrants, timeoutSeconds = 60): FunctionDef => ({
  id,
  entry,
  description,
  timeoutSeconds,
  memoryMb: 512,
  grants,
});

const functions = [
  api('health', 'functions/health/get-health.ts', 'Liveness and readiness of the API and its table', readOnly),
  api('session-start', 'functions/session/start-session.ts', 'Records a sign-in and the user profile from the ID token', readWrite),
  api('users-list', 'functions/users/list-users.ts', 'Lists users (owners to assign records to)', readOnly),
  api('leads-create', 'functions/leads/create-lead.ts', 'Creates a lead', readWrite),
  api('leads-list', 'functions/leads/list-leads.ts', 'Lists leads, paginated, filtered and sorted', readOnly),
  api('leads-get', 'functions/leads/get-lead.ts', 'Reads one lead', readOnly),
  api('leads-update', 'functions/leads/update-lead.ts', 'Updates a lead with optimistic locking', readWrite),
  api('leads-reject', 'functions/leads/reject-lead.ts', 'Rejects a lead with stage and reason', readWrite),
  api('leads-timeline', 'functions/leads/get-lead-timeline.ts', "Reads a lead's timeline, newest first", readOnly),
  api('forms-create', 'functions/forms/create-form.ts', 'Creates a web-to-lead form', readWrite),
  api('forms-list', 'functions/forms/list-forms.ts', 'Lists web-to-lead forms', readOnly),
  api('forms-get', 'functions/forms/get-form.ts', 'Reads a web-to-lead form', readOnly),
  api('forms-update', 'functions/forms/update-form.ts', 'Updates a web-to-lead form', readWrite),
  api('forms-submit', 'functions/forms/submit-form.ts', 'Public web-to-lead endpoint', readWrite),
  worker('outbox-publish', 'functions/events/publish-outbox.ts', 'Publishes committed outbox events to the bus', publishEvents),
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

export const app: AppDefinition = {
  functions,
  routes: [
    route('GET', '/api/health', 'health', 'public'),
    route('POST', '/api/forms/{formId}/submissions', 'forms-submit', 'public'),
    route('POST', '/api/session', 'session-start'),
    route('GET', '/api/users', 'users-list'),
    route('GET', '/api/leads', 'leads-list'),
    route('POST', '/api/leads', 'leads-create'),
    route('GET', '/api/leads/{leadId}', 'leads-get'),
    route('PATCH', '/api/leads/{leadId}', 'leads-update'),
    route('POST', '/api/leads/{leadId}/reject', 'leads-reject'),
    route('GET', '/api/leads/{leadId}/timeline', 'leads-timeline'),
    route('GET', '/api/forms', 'forms-list'),
    route('POST', '/api/forms', 'forms-create'),
    route('GET', '/api/forms/{formId}', 'forms-get'),
    route('PUT', '/api/forms/{formId}', 'forms-update'),
  ],
  rules: [
    {
      id: 'lead-captured-notify-owner',
      description: 'A lead arrived through a web form: email its owner',
      eventPattern: { source: ['crm.leads'], 'detail-type': ['LeadCaptured'] },
      function: 'notify-lead-owner',
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
