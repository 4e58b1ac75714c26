import type { RuntimeDescription } from './runtime-description';
import type { AppDefinition } from './types';

/**
 * The RuntimeDescription a runtime must produce for this definition and client: what
 * tests/infra/parity.test.ts compares the synthesized stack and the local runtime with.
 */
export function describeDefinition(app: AppDefinition, client: { timeZone: string }): RuntimeDescription {
  return sortDescription({
    routes: app.routes.map((r) => ({ method: r.method, path: r.path, function: r.function, access: r.access })),
    rules: app.rules.map((r) => ({ id: r.id, eventPattern: r.eventPattern, function: r.function })),
    schedules: app.schedules.map((s) => ({
      id: s.id,
      expression: s.expression,
      timeZone: s.timeZone === 'client' ? client.timeZone : 'UTC',
      function: s.function,
    })),
    oneTimeTargets: [...new Set(app.oneTimeTargets.map((t) => t.function))],
    streamConsumers: app.streamConsumers.map((c) => ({ id: c.id, function: c.function, filter: c.filter })),
    table: {
      partitionKey: app.table.partitionKey,
      sortKey: app.table.sortKey,
      globalIndexes: app.table.globalIndexes.map((i) => ({ name: i.name, partitionKey: i.partitionKey, sortKey: i.sortKey, projection: describeProjection(i.projection.type, i.projection.type === 'INCLUDE' ? i.projection.attributes : []) })),
      stream: app.table.stream,
      timeToLiveAttribute: app.table.timeToLiveAttribute,
      billing: 'PAY_PER_REQUEST',
    },
  });
}

const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/** The order RuntimeDescription documents (code-unit order, locale-independent). */
/** A projection as the three runtimes are compared on: `ALL`, `KEYS_ONLY` or `INCLUDE(a,b)` with the attributes sorted. */
export function describeProjection(type: string | undefined, attributes: readonly string[] | undefined): string {
  return type === 'INCLUDE' ? `INCLUDE(${[...(attributes ?? [])].sort().join(',')})` : String(type);
}

export function sortDescription(d: RuntimeDescription): RuntimeDescription {
  return {
    routes: [...d.routes].sort(byKey((r) => `${r.method} ${r.path}`)),
    rules: [...d.rules].sort(byKey((r) => r.id)),
    schedules: [...d.schedules].sort(byKey((s) => s.id)),
    oneTimeTargets: [...d.oneTimeTargets].sort(),
    streamConsumers: [...d.streamConsumers].sort(byKey((c) => c.id)),
    table: { ...d.table, globalIndexes: [...d.table.globalIndexes].sort(byKey((i) => i.name)) },
  };
}
