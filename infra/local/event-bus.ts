import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { EventBridgeEvent } from 'aws-lambda';
import type { AppDefinition, RuleDef } from '../definition/types';
import { closeServer } from './close-server';
import { listenOnLoopback, loopbackUrl } from './loopback-endpoint';
import { assertSupportedPattern, matchesPattern } from './event-pattern';
import type { LambdaRuntime } from './lambda-runtime';
import { readBody } from './read-body';
import { targetRetryPolicy, withRetries, type RetryPolicy } from './retry-policy';

/**
 * The client's EventBridge bus on a laptop: an HTTP endpoint speaking PutEvents (AWS JSON 1.1),
 * so the real `@aws-sdk/client-eventbridge` in the outbox publisher talks to it through
 * `AWS_ENDPOINT_URL_EVENTBRIDGE`. It answers as EventBridge does, then delivers each event to the
 * handler of every matching rule of the definition, retrying a failing one (at least once).
 */
export type BusEvent = EventBridgeEvent<string, unknown>;

/** A PutEvents entry as the SDK serializes it (Time in epoch seconds). */
interface PutEventsEntry {
  Source?: string;
  DetailType?: string;
  Detail?: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: number | string;
}

type EntryError = { ErrorCode: string; ErrorMessage: string };
type EntryResult = { EventId: string } | EntryError;

export interface EventBusOptions {
  definition: AppDefinition;
  busName: string;
  region: string;
  accountId: string;
  runtime: LambdaRuntime;
  retry?: RetryPolicy;
}

const maxEntries = 10;
const maxRequestBytes = 1024 * 1024;

export class LocalEventBus {
  readonly rules: readonly RuleDef[];
  private server: Server | undefined;
  private readonly listeners = new Set<(event: BusEvent) => void>();
  private pending = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly retryTimers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private closed = false;
  /** Deliveries a stop cut off (queued or waiting for a retry). */
  private dropped = 0;

  constructor(private readonly options: EventBusOptions) {
    for (const rule of options.definition.rules) {
      assertSupportedPattern(rule.eventPattern, `rule ${rule.id}`);
      options.runtime.functionDef(rule.function);
    }
    this.rules = options.definition.rules;
  }

  /** Starts the PutEvents endpoint on a free loopback port; returns its URL. */
  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.handleRequest(req, res));
    await listenOnLoopback(server);
    this.server = server;
    return this.endpoint;
  }

  get endpoint(): string {
    return loopbackUrl(this.server, 'The event bus');
  }

  /** Every event accepted on the bus, before rules are matched. Returns an unsubscribe function. */
  onEvent<Detail = unknown>(listener: (event: EventBridgeEvent<string, Detail>) => void): () => void {
    const untyped = listener as (event: BusEvent) => void;
    this.listeners.add(untyped);
    return () => this.listeners.delete(untyped);
  }

  /** Resolves once no delivery is running or waiting for a retry. */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** PutEvents: validates each entry like EventBridge, answers at once, delivers asynchronously. */
  private putEvents(entries: readonly PutEventsEntry[]): { Entries: EntryResult[]; FailedEntryCount: number } {
    const results = entries.map((entry): EntryResult => {
      const checked = this.check(entry);
      if ('ErrorCode' in checked) return checked;
      const event = this.toEvent(entry, checked.detail);
      this.dispatch(event);
      return { EventId: event.id };
    });
    return { Entries: results, FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length };
  }

  /**
   * Stops accepting events, drops queued deliveries and waiting retries, and gives deliveries
   * already running a few seconds to finish before the stand-ins they talk to go away.
   */
  async close(graceMs = 5_000): Promise<void> {
    this.closed = true;
    for (const retry of this.retryTimers) {
      clearTimeout(retry.timer);
      retry.resolve();
    }
    this.retryTimers.clear();
    await closeServer(this.server, graceMs);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.idle(), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
    if (this.dropped) console.warn(`[bus] stopped with ${this.dropped} deliveries not made`);
  }

  private check(entry: PutEventsEntry): EntryError | { detail: object } {
    const invalid = (message: string): EntryError => ({ ErrorCode: 'InvalidArgument', ErrorMessage: message });
    if (!entry.Source) return invalid('Parameter Source is not valid. Reason: Source is a required argument.');
    if (!entry.DetailType) return invalid('Parameter DetailType is not valid. Reason: DetailType is a required argument.');
    if (!entry.Detail) return invalid('Parameter Detail is not valid. Reason: Detail is a required argument.');
    let detail: unknown;
    try {
      detail = JSON.parse(entry.Detail);
    } catch {
      detail = undefined;
    }
    if (typeof detail !== 'object' || detail === null || Array.isArray(detail)) return { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' };
    const bus = entry.EventBusName ?? 'default';
    const name = bus.startsWith('arn:') ? bus.slice(bus.lastIndexOf('/') + 1) : bus;
    if (name !== this.options.busName) return { ErrorCode: 'ResourceNotFoundException', ErrorMessage: `Event bus ${bus} does not exist.` };
    return { detail };
  }

  private toEvent(entry: PutEventsEntry, detail: object): BusEvent {
    const time = entry.Time === undefined ? new Date() : new Date(typeof entry.Time === 'number' ? entry.Time * 1000 : entry.Time);
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': entry.DetailType!,
      source: entry.Source!,
      account: this.options.accountId,
      // EventBridge writes event times to the second.
      time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region: this.options.region,
      resources: entry.Resources ?? [],
      detail,
    };
  }

  private dispatch(event: BusEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        console.error('[bus] an event listener failed', error);
      }
    }
    for (const rule of this.rules) {
      if (matchesPattern(rule.eventPattern, event)) this.track(this.deliver(rule, event));
    }
  }

  private track(delivery: Promise<unknown>): void {
    this.pending++;
    void delivery.finally(() => {
      if (--this.pending === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
    });
  }

  private async deliver(rule: RuleDef, event: BusEvent): Promise<void> {
    // Asynchronous like EventBridge: the PutEvents answer never waits for a target.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.closed) return void this.dropped++;
    const delivered = await withRetries(() => this.options.runtime.invoke(rule.function, event), this.options.retry ?? targetRetryPolicy, {
      sleep: (ms) => this.sleep(ms),
      stopped: () => this.closed,
      onFailure: (error, attempt, final) => {
        if (final && !this.closed) console.error(`[bus] rule ${rule.id} gave up on event ${event.id} (${event['detail-type']}) after ${attempt} attempts:`, error);
      },
    });
    if (!delivered && this.closed) this.dropped++;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const retry = { timer: setTimeout(() => (this.retryTimers.delete(retry), resolve()), ms), resolve };
      this.retryTimers.add(retry);
    });
  }

  private async handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
      res.end(JSON.stringify(body));
    };
    const target = req.headers['x-amz-target'];
    if (req.method !== 'POST' || target !== 'AWSEvents.PutEvents') {
      return reply(400, { __type: 'UnknownOperationException', message: `The local event bus only speaks AWSEvents.PutEvents, not ${String(target)}` });
    }
    const body = await readBody(req, maxRequestBytes).catch(() => undefined);
    if (!body) return reply(413, { __type: 'ValidationException', message: `The request is larger than ${maxRequestBytes} bytes` });
    let request: { Entries?: PutEventsEntry[] } | null;
    try {
      request = JSON.parse(body.toString('utf8'));
    } catch {
      return reply(400, { __type: 'SerializationException', message: 'The request body is not valid JSON' });
    }
    const entries = request?.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > maxEntries) {
      return reply(400, { __type: 'ValidationException', message: `1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and ${maxEntries}` });
    }
    if (this.closed) return reply(503, { __type: 'ServiceUnavailable', message: 'The local event bus is shutting down' });
    reply(200, this.putEvents(entries));
  }
}
