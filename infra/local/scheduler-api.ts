import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { parseAtExpression } from '../../shared/domain/moments/one-time-moment';
import { closeServer } from './close-server';
import { listenOnLoopback, loopbackUrl } from './loopback-endpoint';
import { readBody } from './read-body';
import type { LocalScheduler, OneTimeSchedule } from './scheduler';

/**
 * EventBridge Scheduler's API on a laptop, for the one-time schedules functions create at run time
 * (ADR 0012): an HTTP endpoint speaking the REST-JSON protocol of `@aws-sdk/client-scheduler`
 * (CreateSchedule, UpdateSchedule, DeleteSchedule, GetSchedule, ListSchedules), reached through
 * `AWS_ENDPOINT_URL_SCHEDULER`, backed by the LocalScheduler's timers and its injected clock. In
 * process like the event bus, so tests drive it with a fake clock. It checks what Scheduler would
 * refuse and the functions could get wrong (a name, the group, an `at()` expression, a target its
 * role may not invoke); recurring schedules come from the definition, not from this API.
 */
type Body = Record<string, unknown>;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

const validation = (message: string) => new ApiError(400, 'ValidationException', message);
const notFound = (message: string) => new ApiError(404, 'ResourceNotFoundException', message);

const nameRule = /^[0-9A-Za-z_.-]{1,64}$/;
const maxRequestBytes = 256 * 1024;
/** Epoch seconds, as REST-JSON timestamps travel. */
const epoch = (iso: string) => Date.parse(iso) / 1000;

export class LocalSchedulerApi {
  private server: Server | undefined;

  constructor(private readonly scheduler: LocalScheduler) {}

  /** Starts on a free loopback port; returns its URL. */
  async listen(): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    await listenOnLoopback(server);
    this.server = server;
    return this.endpoint;
  }

  get endpoint(): string {
    return loopbackUrl(this.server, 'The Scheduler API');
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const reply = (status: number, body: unknown, errorType?: string) => {
      res.writeHead(status, { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), ...(errorType ? { 'x-amzn-errortype': errorType } : {}) });
      res.end(JSON.stringify(body));
    };
    try {
      const url = new URL(req.url ?? '/', 'http://scheduler.local');
      const raw = await readBody(req, maxRequestBytes);
      if (!raw) throw validation(`The request is larger than ${maxRequestBytes} bytes`);
      const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Body) : {};
      const named = /^\/schedules\/([^/]+)$/.exec(url.pathname);
      const name = named ? decodeURIComponent(named[1]!) : undefined;
      if (req.method === 'GET' && url.pathname === '/schedules') return reply(200, this.list(url.searchParams));
      if (name !== undefined && req.method === 'POST') return reply(200, this.put(name, body, 'create'));
      if (name !== undefined && req.method === 'PUT') return reply(200, this.put(name, body, 'update'));
      if (name !== undefined && req.method === 'GET') return reply(200, this.get(name, url.searchParams.get('groupName') ?? 'default'));
      if (name !== undefined && req.method === 'DELETE') return reply(200, this.delete(name, url.searchParams.get('groupName') ?? 'default'));
      throw new ApiError(404, 'UnknownOperationException', `The local Scheduler API does not serve ${req.method} ${url.pathname}`);
    } catch (error) {
      if (error instanceof ApiError) return reply(error.status, { Message: error.message }, error.type);
      if (error instanceof SyntaxError) return reply(400, { Message: 'The request body is not valid JSON' }, 'ValidationException');
      reply(500, { Message: String(error) }, 'InternalServerException');
    }
  }

  private group(groupName: unknown): string {
    const group = typeof groupName === 'string' && groupName ? groupName : 'default';
    if (group !== this.scheduler.groupName) throw notFound(`Schedule group ${group} does not exist.`);
    return group;
  }

  private put(name: string, body: Body, mode: 'create' | 'update'): { ScheduleArn: string } {
    if (!nameRule.test(name)) throw validation(`1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-zA-Z-_.]+ and length 1-64`);
    const groupName = this.group(body.GroupName);
    const existing = this.scheduler.getOneTime(groupName, name);
    if (mode === 'create' && existing) throw new ApiError(409, 'ConflictException', `Schedule ${name} already exists.`);
    if (mode === 'update' && !existing) throw notFound(`Schedule ${name} does not exist.`);
    const expression = String(body.ScheduleExpression ?? '');
    const timezone = typeof body.ScheduleExpressionTimezone === 'string' ? body.ScheduleExpressionTimezone : 'UTC';
    // The functions write at() in UTC; other zones would need the zone arithmetic of the cron schedules.
    if (timezone !== 'UTC') throw validation(`The local Scheduler API takes one-time schedules in UTC, not ${timezone}`);
    const at = parseAtExpression(expression);
    if (!at) throw validation(`Invalid Schedule Expression ${expression}: the local Scheduler API creates one-time schedules, at(yyyy-mm-ddThh:mm:ss)`);
    const window = body.FlexibleTimeWindow as { Mode?: string } | undefined;
    if (!window || (window.Mode !== 'OFF' && window.Mode !== 'FLEXIBLE')) throw validation('FlexibleTimeWindow with a Mode of OFF or FLEXIBLE is required');
    const target = body.Target as { Arn?: string; RoleArn?: string; Input?: string } | undefined;
    if (!target?.Arn || !target.RoleArn) throw validation('Target with an Arn and a RoleArn is required');
    if (!this.scheduler.isOneTimeTarget(target.Arn)) throw validation(`The role cannot invoke ${target.Arn}: it is not a one-time target of the app definition`);
    const after = body.ActionAfterCompletion === 'DELETE' ? 'DELETE' : 'NONE';
    const now = this.scheduler.now().toISOString();
    const schedule: OneTimeSchedule = {
      name,
      groupName,
      ...(typeof body.Description === 'string' ? { description: body.Description } : {}),
      expression,
      timezone,
      at: at.toISOString(),
      target: { arn: target.Arn, roleArn: target.RoleArn, ...(target.Input !== undefined ? { input: target.Input } : {}) },
      actionAfterCompletion: after,
      state: body.State === 'DISABLED' ? 'DISABLED' : 'ENABLED',
      createdAt: existing?.createdAt ?? now,
      modifiedAt: now,
    };
    this.scheduler.putOneTime(schedule);
    return { ScheduleArn: this.scheduler.scheduleArn(groupName, name) };
  }

  private get(name: string, groupName: string): Body {
    const schedule = this.scheduler.getOneTime(this.group(groupName), name);
    if (!schedule) throw notFound(`Schedule ${name} does not exist.`);
    return {
      Arn: this.scheduler.scheduleArn(schedule.groupName, schedule.name),
      Name: schedule.name,
      GroupName: schedule.groupName,
      ...(schedule.description ? { Description: schedule.description } : {}),
      ScheduleExpression: schedule.expression,
      ScheduleExpressionTimezone: schedule.timezone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: schedule.actionAfterCompletion,
      State: schedule.state,
      Target: { Arn: schedule.target.arn, RoleArn: schedule.target.roleArn, ...(schedule.target.input !== undefined ? { Input: schedule.target.input } : {}) },
      CreationDate: epoch(schedule.createdAt),
      LastModificationDate: epoch(schedule.modifiedAt),
    };
  }

  private delete(name: string, groupName: string): Body {
    if (!this.scheduler.deleteOneTime(this.group(groupName), name)) throw notFound(`Schedule ${name} does not exist.`);
    return {};
  }

  private list(query: URLSearchParams): Body {
    const group = query.get('ScheduleGroup') ?? undefined;
    if (group) this.group(group);
    const state = query.get('State');
    const all = this.scheduler.listOneTime(group, query.get('NamePrefix') ?? '').filter((s) => !state || s.state === state);
    const start = Number(query.get('NextToken') ?? 0) || 0;
    const size = Math.min(Number(query.get('MaxResults') ?? 100) || 100, 100);
    const page = all.slice(start, start + size);
    return {
      Schedules: page.map((s) => ({
        Arn: this.scheduler.scheduleArn(s.groupName, s.name),
        Name: s.name,
        GroupName: s.groupName,
        State: s.state,
        CreationDate: epoch(s.createdAt),
        LastModificationDate: epoch(s.modifiedAt),
        Target: { Arn: s.target.arn },
      })),
      ...(start + size < all.length ? { NextToken: String(start + size) } : {}),
    };
  }
}
