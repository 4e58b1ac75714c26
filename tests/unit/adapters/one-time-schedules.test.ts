import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyMomentChange, clearMoment, setMoment } from '../../../shared/adapters/one-time-schedules';
import { envNames } from '../../../shared/config/runtime-env';

/**
 * The Scheduler adapter's failure paths, which the emulator's happy paths do not reach: a create
 * that conflicts becomes an update, an update of one deleted meanwhile becomes a create, a delete
 * of one already gone is done, and anything else is thrown.
 */
const scheduler = mockClient(SchedulerClient);
const moment = { kind: 'reminder' as const, subject: { type: 'activity', id: '01M9ACT' }, at: '2031-03-02T06:30:00.000Z' };
const conflict = new ConflictException({ message: 'Schedule reminder-activity-01M9ACT already exists.', Message: 'Schedule reminder-activity-01M9ACT already exists.', $metadata: {} });
const gone = new ResourceNotFoundException({ message: 'Schedule reminder-activity-01M9ACT does not exist.', Message: 'Schedule reminder-activity-01M9ACT does not exist.', $metadata: {} });

beforeAll(() => {
  Object.assign(process.env, {
    AWS_REGION: 'eu-central-1',
    AWS_ACCESS_KEY_ID: 'unit',
    AWS_SECRET_ACCESS_KEY: 'unit',
    [envNames.momentGroup]: 'crm-unit',
    [envNames.momentRoleArn]: 'arn:aws:iam::123456789012:role/invoke',
    [envNames.momentTargetReminder]: 'arn:aws:lambda:eu-central-1:123456789012:function:send-reminders',
  });
});
beforeEach(() => scheduler.reset());

describe('setting a moment', () => {
  it('creates an at() schedule in the group, deleted after completion, with the moment in a Scheduled Event', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    expect(await setMoment(moment, new Date(moment.at))).toBe('created');
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(input).toMatchObject({
      Name: 'reminder-activity-01M9ACT',
      GroupName: 'crm-unit',
      ScheduleExpression: 'at(2031-03-02T06:30:00)',
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:aws:lambda:eu-central-1:123456789012:function:send-reminders', RoleArn: 'arn:aws:iam::123456789012:role/invoke' },
    });
    expect(JSON.parse(input.Target!.Input!)).toEqual({
      version: '0',
      id: '<aws.scheduler.execution-id>',
      'detail-type': 'Scheduled Event',
      source: 'aws.scheduler',
      account: '123456789012',
      time: '<aws.scheduler.scheduled-time>',
      region: 'eu-central-1',
      resources: ['<aws.scheduler.schedule-arn>'],
      detail: moment,
    });
  });

  it('moves the existing schedule when the name is taken (ConflictException → UpdateSchedule)', async () => {
    scheduler.on(CreateScheduleCommand).rejects(conflict).on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    expect(await setMoment(moment, new Date('2031-03-02T07:00:00.000Z'))).toBe('moved');
    expect(scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input).toMatchObject({ Name: 'reminder-activity-01M9ACT', ScheduleExpression: 'at(2031-03-02T07:00:00)' });
  });

  it('creates it again when it was deleted between the two calls', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict).resolves({ ScheduleArn: 'arn' }).on(UpdateScheduleCommand).rejects(gone);
    expect(await setMoment(moment, new Date(moment.at))).toBe('created');
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
  });

  it('invokes the target a caller names (a target re-arming its own kind)', async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn' });
    await setMoment(moment, new Date(moment.at), 'arn:aws:lambda:eu-west-1:210987654321:function:other');
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]!.args[0].input;
    expect(input.Target?.Arn).toBe('arn:aws:lambda:eu-west-1:210987654321:function:other');
    expect(JSON.parse(input.Target!.Input!)).toMatchObject({ account: '210987654321', region: 'eu-west-1' });
  });

  it('throws any other failure (throttling, access): the event is retried', async () => {
    scheduler.on(CreateScheduleCommand).rejects(new Error('ThrottlingException'));
    await expect(setMoment(moment, new Date(moment.at))).rejects.toThrow('ThrottlingException');
  });
});

describe('clearing a moment', () => {
  it('deletes its schedule by name in the group', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});
    expect(await clearMoment(moment)).toBe(true);
    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]!.args[0].input).toEqual({ Name: 'reminder-activity-01M9ACT', GroupName: 'crm-unit' });
  });

  it('is done when the schedule is already gone (fired and deleted, or never made)', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(gone);
    expect(await clearMoment(moment)).toBe(false);
    expect(await applyMomentChange({ action: 'clear', moment })).toEqual({ moment: 'reminder-activity-01M9ACT', action: 'already-gone' });
  });

  it('throws any other failure', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(new Error('AccessDeniedException'));
    await expect(clearMoment(moment)).rejects.toThrow('AccessDeniedException');
  });

  it('makes no call for a change that means nothing', async () => {
    expect(await applyMomentChange({ action: 'none' })).toEqual({ action: 'none' });
    expect(scheduler.calls()).toHaveLength(0);
  });
});
