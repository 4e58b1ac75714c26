import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ListSchedulesCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import type { LambdaRuntime } from '../../../infra/local/lambda-runtime';
import { LocalScheduler } from '../../../infra/local/scheduler';
import { LocalSchedulerApi } from '../../../infra/local/scheduler-api';
import { FakeClock } from '../../support/fake-clock';

/**
 * The local Scheduler API (ADR 0012) spoken to by the real `@aws-sdk/client-scheduler`: its
 * operations and errors as the SDK parses them, and its schedules fired on the injected clock,
 * deleted after completion, and kept across a restart.
 */
const region = 'eu-central-1';
const accountId = '000000000000';
const group = 'crm-unit';
const targetArn = `arn:aws:lambda:${region}:${accountId}:function:send-reminders`;
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function start(options: { clock?: FakeClock; oneTimeFile?: string } = {}) {
  const clock = options.clock ?? new FakeClock(Date.parse('2031-03-01T10:00:00Z'));
  const calls: { functionId: string; event: any }[] = [];
  const runtime: LambdaRuntime = {
    invoke: async (functionId, event) => void calls.push({ functionId, event }),
    functionDef: (id) => app.functions.find((f) => f.id === id)!,
  };
  const scheduler = new LocalScheduler({ definition: { ...app, schedules: [] }, clientTimeZone: 'UTC', groupName: group, region, accountId, runtime, clock, ...(options.oneTimeFile ? { oneTimeFile: options.oneTimeFile } : {}) });
  const api = new LocalSchedulerApi(scheduler);
  const client = new SchedulerClient({ endpoint: await api.listen(), region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  scheduler.start();
  stops.push(() => scheduler.stop(), () => api.close(), () => client.destroy());
  return { clock, calls, scheduler, client };
}

const request = (name: string, at: string, extra: Partial<CreateScheduleCommandInput> = {}): CreateScheduleCommandInput => ({
  Name: name,
  GroupName: group,
  ScheduleExpression: `at(${at})`,
  ScheduleExpressionTimezone: 'UTC',
  FlexibleTimeWindow: { Mode: 'OFF' },
  ActionAfterCompletion: 'DELETE',
  Target: {
    Arn: targetArn,
    RoleArn: `arn:aws:iam::${accountId}:role/invoke`,
    Input: JSON.stringify({ id: '<aws.scheduler.execution-id>', time: '<aws.scheduler.scheduled-time>', resources: ['<aws.scheduler.schedule-arn>'], detail: { n: name } }),
  },
  ...extra,
});

describe('the local Scheduler API', () => {
  it('creates, reads, lists, moves and deletes a one-time schedule, answering as Scheduler does', async () => {
    const { client } = await start();
    const created = await client.send(new CreateScheduleCommand(request('reminder-activity-a', '2031-03-02T06:30:00')));
    expect(created.ScheduleArn).toBe(`arn:aws:scheduler:${region}:${accountId}:schedule/${group}/reminder-activity-a`);
    await expect(client.send(new CreateScheduleCommand(request('reminder-activity-a', '2031-03-02T07:00:00')))).rejects.toBeInstanceOf(ConflictException);

    const read = await client.send(new GetScheduleCommand({ Name: 'reminder-activity-a', GroupName: group }));
    expect(read).toMatchObject({ Name: 'reminder-activity-a', GroupName: group, ScheduleExpression: 'at(2031-03-02T06:30:00)', ActionAfterCompletion: 'DELETE', State: 'ENABLED', Target: { Arn: targetArn } });
    expect(read.CreationDate).toEqual(new Date('2031-03-01T10:00:00Z'));

    await client.send(new UpdateScheduleCommand(request('reminder-activity-a', '2031-03-02T07:00:00')));
    expect((await client.send(new GetScheduleCommand({ Name: 'reminder-activity-a', GroupName: group }))).ScheduleExpression).toBe('at(2031-03-02T07:00:00)');
    await client.send(new CreateScheduleCommand(request('import-check-import-b', '2031-03-02T08:00:00')));
    const listed = await client.send(new ListSchedulesCommand({ GroupName: group, NamePrefix: 'reminder-' }));
    expect(listed.Schedules?.map((s) => s.Name)).toEqual(['reminder-activity-a']);

    await client.send(new DeleteScheduleCommand({ Name: 'reminder-activity-a', GroupName: group }));
    await expect(client.send(new DeleteScheduleCommand({ Name: 'reminder-activity-a', GroupName: group }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new UpdateScheduleCommand(request('reminder-activity-a', '2031-03-02T07:00:00')))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new GetScheduleCommand({ Name: 'reminder-activity-a', GroupName: group }))).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('refuses what Scheduler (or the stack’s role) would: another group, a bad name or expression, a target not declared', async () => {
    const { client } = await start();
    await expect(client.send(new CreateScheduleCommand(request('x', '2031-03-02T06:30:00', { GroupName: 'crm-other' })))).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(client.send(new CreateScheduleCommand(request('a name', '2031-03-02T06:30:00')))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new CreateScheduleCommand({ ...request('x', ''), ScheduleExpression: 'rate(1 minute)' }))).rejects.toBeInstanceOf(ValidationException);
    await expect(client.send(new CreateScheduleCommand({ ...request('x', '2031-03-02T06:30:00'), FlexibleTimeWindow: undefined as never }))).rejects.toBeInstanceOf(ValidationException);
    const other = `arn:aws:lambda:${region}:${accountId}:function:leads`;
    await expect(client.send(new CreateScheduleCommand({ ...request('x', '2031-03-02T06:30:00'), Target: { Arn: other, RoleArn: 'r' } }))).rejects.toThrow(/not a one-time target/);
  });

  it("fires at its time with the context attributes filled, invokes the target's function once, and deletes it after completion", async () => {
    const { client, clock, calls, scheduler } = await start();
    await client.send(new CreateScheduleCommand(request('reminder-activity-a', '2031-03-02T06:30:00')));
    await clock.advanceTo('2031-03-02T06:29:59Z');
    expect(calls).toEqual([]);
    await clock.advanceTo('2031-03-02T06:30:00Z');
    await scheduler.oneTimeIdle();
    expect(calls).toEqual([
      {
        functionId: 'send-reminders',
        event: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), time: '2031-03-02T06:30:00Z', resources: [`arn:aws:scheduler:${region}:${accountId}:schedule/${group}/reminder-activity-a`], detail: { n: 'reminder-activity-a' } },
      },
    ]);
    expect(scheduler.listOneTime()).toEqual([]);
    await clock.advanceTo('2031-03-03T00:00:00Z');
    expect(calls).toHaveLength(1);
  });

  it('keeps pending schedules across a restart; one whose time passed while stopped fires at start', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'crm-one-time-')), 'one-time-schedules.json');
    const first = await start({ oneTimeFile: file });
    await first.client.send(new CreateScheduleCommand(request('reminder-activity-missed', '2031-03-01T12:00:00')));
    await first.client.send(new CreateScheduleCommand(request('reminder-activity-later', '2031-03-05T12:00:00')));
    for (const stop of stops.splice(0).reverse()) await stop();
    expect(JSON.parse(readFileSync(file, 'utf8')).map((s: { name: string }) => s.name).sort()).toEqual(['reminder-activity-later', 'reminder-activity-missed']);

    const second = await start({ oneTimeFile: file, clock: new FakeClock(Date.parse('2031-03-02T09:00:00Z')) });
    await second.clock.advanceTo('2031-03-02T09:00:00Z');
    await second.scheduler.oneTimeIdle();
    expect(second.calls.map((c) => c.event.detail.n)).toEqual(['reminder-activity-missed']);
    expect(second.calls[0]!.event.time).toBe('2031-03-01T12:00:00Z');
    expect(second.scheduler.listOneTime().map((s) => s.name)).toEqual(['reminder-activity-later']);
    expect(JSON.parse(readFileSync(file, 'utf8')).map((s: { name: string }) => s.name)).toEqual(['reminder-activity-later']);
  });
});
