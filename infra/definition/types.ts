import type { Projection } from '../../shared/data/table-schema';
import type { ApiRoute, HttpMethod, RouteAccess } from '../../shared/api/routes/route';

/**
 * The shape of the one app definition. Both runtimes — the CDK stack (`infra/stack`) and the
 * local runtime (`infra/local`) — are generated from a value of this type; nothing about
 * routes, rules, schedules or the table may be declared anywhere else. Each feature declares its
 * part as a ModuleDef (infra/definition/modules), binding its routes' metadata (shared/api/routes)
 * to its functions; app.ts composes the modules (ADR 0017).
 */

/** Method and access live with the routes' metadata (shared/api/routes), which handlers read too. */
export type { HttpMethod, RouteAccess };

/**
 * What a function may do with the app's resources, declared per function for least privilege:
 * the stack turns this into its role's policy (infra/stack/constructs/app-functions.ts). The local
 * runtime does not enforce IAM, so a missing grant only shows in the cloud; tests/infra checks
 * the template against these declarations.
 */
export interface FunctionGrants {
  /** Item access to the table and its indexes: reads (Get, BatchGet, Query), or reads and writes. */
  readonly table: 'none' | 'read' | 'read-write';
  /** events:PutEvents on the app's bus. */
  readonly putEvents: boolean;
  /** ses:SendEmail as the client's sender address. */
  readonly sendEmail: boolean;
  /** Objects in the file bucket (ADR 0010): read (Get, Head), or read and write (Put, Delete too). Absent: none. */
  readonly files?: 'none' | 'read' | 'read-write';
  /** The Cognito user pool's admin actions (invite, groups, disable), for the user administration. Absent: none. */
  readonly userPool?: 'none' | 'admin';
  /**
   * Create, move and delete one-time moments' schedules in the stack's Scheduler group, passing the
   * role Scheduler invokes their targets with (ADR 0012). Absent: none.
   */
  readonly oneTimeSchedules?: boolean;
}

export interface FunctionDef {
  /** Stable id; becomes the CDK construct id and the local runtime's name for it. */
  readonly id: string;
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  readonly grants: FunctionGrants;
}

/** A route of the API (its metadata, shared/api/routes) bound to the function that serves it. */
export interface RouteDef extends ApiRoute {
  readonly function: string;
}

/** The subset of EventBridge patterns the stack may use (see docs/decisions/0003-event-patterns.md). */
export type PatternMatcher =
  | string
  | number
  | boolean
  | null
  | { readonly prefix: string }
  | { readonly 'anything-but': string | number | readonly (string | number)[] }
  | { readonly exists: boolean }
  | { readonly numeric: readonly (string | number)[] };

export interface EventPattern {
  readonly [field: string]: readonly PatternMatcher[] | EventPattern;
}

export interface RuleDef {
  readonly id: string;
  readonly description: string;
  readonly eventPattern: EventPattern;
  readonly function: string;
}

export interface ScheduleDef {
  readonly id: string;
  readonly description: string;
  /** EventBridge Scheduler expression: `rate(5 minutes)` or `cron(min hour dom month dow year)`. */
  readonly expression: string;
  /** IANA zone the cron is evaluated in; `client` means the client's configured time zone. */
  readonly timeZone: 'client' | 'UTC';
  readonly function: string;
}

/**
 * A kind of one-time moment (ADR 0012): its schedules are created at run time by functions granted
 * `oneTimeSchedules`, in the stack's Scheduler group, and invoke this function when they fire. Both
 * runtimes read it: the stack lets Scheduler invoke exactly these functions and names them to the
 * functions that set moments; the local scheduler maps the same target to the same handler.
 */
export interface OneTimeTargetDef {
  /** The moment kind (shared/domain/moments/one-time-moment.ts, `momentKinds`). */
  readonly moment: 'reminder' | 'import-check' | 'migrations';
  readonly description: string;
  readonly function: string;
}

/**
 * Which stream records reach a consumer (the mapping's filter in the cloud, the poller's locally):
 * writes of these kinds (`INSERT` a new item, `MODIFY` a replaced one) whose new image's `entity`
 * is one of `entities`.
 */
export interface StreamFilter {
  readonly eventNames: readonly ('INSERT' | 'MODIFY')[];
  readonly entities: readonly string[];
}

/** A consumer of the table's stream (in the cloud: an event source mapping with a filter). */
export interface StreamConsumerDef {
  readonly id: string;
  readonly function: string;
  readonly filter: StreamFilter;
  readonly batchSize: number;
}

export interface IndexDef {
  /** The index's name in DynamoDB. */
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly projection: Projection;
}

export interface TableDef {
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly globalIndexes: readonly IndexDef[];
  readonly stream: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
  readonly timeToLiveAttribute: string;
}

/** A feature's part of the definition: its functions, and the routes, rules, schedules and stream consumers they serve. */
export interface ModuleDef {
  readonly functions: readonly FunctionDef[];
  readonly routes?: readonly RouteDef[];
  readonly rules?: readonly RuleDef[];
  readonly schedules?: readonly ScheduleDef[];
  readonly oneTimeTargets?: readonly OneTimeTargetDef[];
  /** Functions the stack invokes after a deploy that changed them (the data migrations, ADR 0024); the local runtime runs them at start. */
  readonly afterDeploy?: readonly string[];
  readonly streamConsumers?: readonly StreamConsumerDef[];
}

export interface AppDefinition {
  readonly functions: readonly FunctionDef[];
  readonly routes: readonly RouteDef[];
  readonly rules: readonly RuleDef[];
  readonly schedules: readonly ScheduleDef[];
  readonly oneTimeTargets: readonly OneTimeTargetDef[];
  /** Functions the stack invokes after a deploy that changed them (ADR 0024); absent: none. */
  readonly afterDeploy?: readonly string[];
  readonly streamConsumers: readonly StreamConsumerDef[];
  readonly table: TableDef;
  /** Event `source` every domain event is published with. */
  readonly eventSourcePrefix: string;
  /** Largest request body the HTTP API passes on (API Gateway's payload limit). */
  readonly maxRequestBodyBytes: number;
  /**
   * The integration API (server-to-server callers with API keys, ADR 0015): a second HTTP API with
   * the signed-in routes keys may use (infra/definition/integration-api.ts), behind this
   * function as its Lambda authorizer.
   */
  readonly apiKeyAuthorizer: string;
}
