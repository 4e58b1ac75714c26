import type { EventPattern, RouteAccess, HttpMethod, StreamFilter } from './types';

/**
 * What a runtime actually wired up, in one normalised shape. The CDK side derives it from the
 * synthesized template, the local side from what its server, bus, scheduler and table creation
 * registered; tests/infra/parity.test.ts asserts the two are equal (and equal to the definition).
 */
export interface RuntimeDescription {
  /** Sorted by `${method} ${path}`. `function` is the FunctionDef id. */
  readonly routes: readonly { method: HttpMethod; path: string; function: string; access: RouteAccess }[];
  /** Sorted by id. */
  readonly rules: readonly { id: string; eventPattern: EventPattern; function: string }[];
  /** Sorted by id. `timeZone` resolved to the IANA zone in force. */
  readonly schedules: readonly { id: string; expression: string; timeZone: string; function: string }[];
  /** The functions one-time moments' schedules may invoke (ADR 0012), sorted. */
  readonly oneTimeTargets: readonly string[];
  /** Sorted by id. `filter` as the definition declares it (event names and entities in its order). */
  readonly streamConsumers: readonly { id: string; function: string; filter: StreamFilter }[];
  readonly table: {
    readonly partitionKey: string;
    readonly sortKey: string;
    /** Sorted by name. */
    readonly globalIndexes: readonly { name: string; partitionKey: string; sortKey: string; projection: string }[];
    readonly stream: 'NEW_IMAGE' | 'NEW_AND_OLD_IMAGES';
    readonly timeToLiveAttribute: string;
    readonly billing: 'PAY_PER_REQUEST';
  };
}
