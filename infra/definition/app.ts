import { accountsModule } from './modules/accounts';
import { activitiesModule } from './modules/activities';
import { apiKeyAuthorizer, apiKeysModule } from './modules/api-keys';
import { attachmentsModule } from './modules/attachments';
import { auditModule } from './modules/audit';
import { casesModule } from './modules/cases';
import { contactsModule } from './modules/contacts';
import { customFieldsModule } from './modules/custom-fields';
import { dealsModule } from './modules/deals';
import { duplicatesModule } from './modules/duplicates';
import { eventsModule } from './modules/events';
import { exportsModule } from './modules/exports';
import { formsModule } from './modules/forms';
import { healthModule } from './modules/health';
import { importsModule } from './modules/imports';
import { leadsModule } from './modules/leads';
import { migrationsModule } from './modules/migrations';
import { notificationsModule } from './modules/notifications';
import { openApiModule } from './modules/openapi';
import { pipelinesModule } from './modules/pipelines';
import { portalModule } from './modules/portal';
import { productsModule } from './modules/products';
import { searchModule } from './modules/search';
import { teamsModule } from './modules/teams';
import { transfersModule } from './modules/transfers';
import { usersModule } from './modules/users';
import { globalIndexes } from '../../shared/data/table-schema';
import type { AppDefinition, FunctionDef, ModuleDef } from './types';

/**
 * The CRM, declared once. `infra/stack` turns this into CloudFormation; `infra/local` runs it on
 * a laptop. tests/infra/parity.test.ts fails if the two ever disagree.
 *
 * Each feature declares its functions, routes, rules, schedules and stream consumers in its own
 * module (infra/definition/modules, ADR 0017); the routes' metadata — what handlers read at run
 * time — lives in shared/api/routes, and a module binds it to the function serving it.
 */
const modules: readonly ModuleDef[] = [
  healthModule,
  openApiModule,
  usersModule,
  apiKeysModule,
  leadsModule,
  formsModule,
  accountsModule,
  contactsModule,
  activitiesModule,
  productsModule,
  dealsModule,
  casesModule,
  pipelinesModule,
  customFieldsModule,
  teamsModule,
  auditModule,
  transfersModule,
  portalModule,
  searchModule,
  attachmentsModule,
  eventsModule,
  notificationsModule,
  duplicatesModule,
  exportsModule,
  importsModule,
  migrationsModule,
];

export const app: AppDefinition = {
  functions: modules.flatMap((m) => m.functions),
  routes: modules.flatMap((m) => m.routes ?? []),
  rules: modules.flatMap((m) => m.rules ?? []),
  schedules: modules.flatMap((m) => m.schedules ?? []),
  oneTimeTargets: modules.flatMap((m) => m.oneTimeTargets ?? []),
  afterDeploy: modules.flatMap((m) => m.afterDeploy ?? []),
  streamConsumers: modules.flatMap((m) => m.streamConsumers ?? []),
  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    // Overloaded indexes, from the table schema; key formats per family in docs/data-model.md.
    globalIndexes: globalIndexes.map((index) => ({ name: index.indexName, partitionKey: index.partitionKey, sortKey: index.sortKey, projection: index.projection })),
    stream: 'NEW_IMAGE',
    timeToLiveAttribute: 'expiresAt',
  },
  eventSourcePrefix: 'crm',
  maxRequestBodyBytes: 10 * 1024 * 1024,
  apiKeyAuthorizer,
};

export const functionById = (id: string): FunctionDef => {
  const fn = app.functions.find((f) => f.id === id);
  if (!fn) throw new Error(`No function "${id}" in the app definition`);
  return fn;
};
