import type { CreateTableCommandInput, UpdateTimeToLiveCommandInput } from '@aws-sdk/client-dynamodb';
import { loadClientConfig } from '../config/client-config';
import { app } from '../definition/app';
import { describeProjection, sortDescription } from '../definition/describe-definition';
import type { RuntimeDescription } from '../definition/runtime-description';
import type { AppDefinition, RouteDef, RuleDef, StreamConsumerDef } from '../definition/types';
import { LocalEventBus } from './event-bus';
import { LocalHttpServer } from './http-server';
import { createLambdaRuntime } from './lambda-runtime';
import { LocalScheduler, type RegisteredSchedule } from './scheduler';
import { StreamCheckpoints } from './stream-checkpoints';
import { StreamPoller } from './stream-poller';
import { createTableInput, timeToLiveInput } from './table';

/**
 * What the local runtime wires up, as a RuntimeDescription: read from what its HTTP server, bus,
 * scheduler and stream poller registered and from the CreateTable request it sends, not from
 * the definition directly, so tests/infra/parity.test.ts notices if a part drops or alters one.
 */
export interface LocalRegistrations {
  routes: readonly RouteDef[];
  rules: readonly RuleDef[];
  schedules: readonly RegisteredSchedule[];
  /** The functions the scheduler lets one-time schedules invoke. */
  oneTimeTargets: readonly string[];
  consumers: readonly StreamConsumerDef[];
  createTable: CreateTableCommandInput;
  timeToLive: UpdateTimeToLiveCommandInput;
}

export function runtimeDescriptionOf(r: LocalRegistrations): RuntimeDescription {
  const keyOf = (schema: CreateTableCommandInput['KeySchema'], type: 'HASH' | 'RANGE') => schema?.find((k) => k.KeyType === type)?.AttributeName ?? '';
  const { createTable } = r;
  return sortDescription({
    routes: r.routes.map((x) => ({ method: x.method, path: x.path, function: x.function, access: x.access })),
    rules: r.rules.map((x) => ({ id: x.id, eventPattern: x.eventPattern, function: x.function })),
    schedules: r.schedules.map((x) => ({ id: x.id, expression: x.expression, timeZone: x.zone, function: x.function })),
    oneTimeTargets: [...r.oneTimeTargets],
    streamConsumers: r.consumers.map((x) => ({ id: x.id, function: x.function, filter: x.filter })),
    table: {
      partitionKey: keyOf(createTable.KeySchema, 'HASH'),
      sortKey: keyOf(createTable.KeySchema, 'RANGE'),
      globalIndexes: (createTable.GlobalSecondaryIndexes ?? []).map((i) => ({
        name: i.IndexName!,
        partitionKey: keyOf(i.KeySchema, 'HASH'),
        sortKey: keyOf(i.KeySchema, 'RANGE'),
        projection: describeProjection(i.Projection?.ProjectionType, i.Projection?.NonKeyAttributes),
      })),
      stream: createTable.StreamSpecification!.StreamViewType as 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES',
      timeToLiveAttribute: r.timeToLive.TimeToLiveSpecification!.AttributeName!,
      billing: createTable.BillingMode as 'PAY_PER_REQUEST',
    },
  });
}

/**
 * The local runtime's description for a definition and client, without starting anything: its
 * parts are built as `startLocalStack` builds them (they register in their constructors) and
 * asked what they registered.
 */
export function describeLocalRuntime(definition: AppDefinition = app, client: { name: string; timeZone: string; region: string } = loadClientConfig('local')): RuntimeDescription {
  const accountId = '000000000000';
  const runtime = createLambdaRuntime(definition, { region: client.region, accountId });
  const name = `crm-${client.name}`;
  const server = new LocalHttpServer({ definition, runtime, authorizer: { authorize: () => undefined }, webConfig: {}, webDistDir: '', accountId, edgeSecret: 'described' });
  const bus = new LocalEventBus({ definition, busName: name, region: client.region, accountId, runtime });
  const scheduler = new LocalScheduler({ definition, clientTimeZone: client.timeZone, groupName: name, region: client.region, accountId, runtime });
  const poller = new StreamPoller({
    definition,
    tableName: name,
    dynamoEndpoint: 'http://127.0.0.1:1',
    region: client.region,
    runtime,
    checkpoints: new StreamCheckpoints(),
  });
  return runtimeDescriptionOf({
    routes: server.routes,
    rules: bus.rules,
    schedules: scheduler.schedules,
    oneTimeTargets: scheduler.oneTimeTargetFunctions,
    consumers: poller.consumers,
    createTable: createTableInput(name, definition.table),
    timeToLive: timeToLiveInput(name, definition.table),
  });
}
