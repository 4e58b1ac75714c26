import { ConflictException, CreateScheduleCommand, DeleteScheduleCommand, ResourceNotFoundException, SchedulerClient, UpdateScheduleCommand, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { env, type EnvKey } from '../config/runtime-env';
import { atExpression, scheduleNameOf, type Moment, type MomentChange, type MomentKind } from '../domain/moments/one-time-moment';

/**
 * One-time moments as EventBridge Scheduler schedules (ADR 0012), in the stack's group
 * (`crm-<client>`): set = CreateSchedule, or UpdateSchedule when the name exists (a move); clear =
 * DeleteSchedule, where a schedule already gone (fired and deleted after completion, or never made)
 * is done. Locally the same calls reach the Scheduler emulator (AWS_ENDPOINT_URL_SCHEDULER).
 */
let client: SchedulerClient | undefined;
const scheduler = () => (client ??= new SchedulerClient({}));

/** The environment variable naming the function a moment kind's schedules invoke. */
export const momentTargetEnv: Record<MomentKind, EnvKey> = { reminder: 'momentTargetReminder', 'import-check': 'momentTargetImportCheck', migrations: 'momentTargetMigrations' };

/** As the stack's cron targets (infra/definition/delivery.ts): Scheduler's retries when Lambda cannot be reached, for up to 6 h. */
const retryPolicy = { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 6 * 3600 };

/**
 * What the function receives: the "Scheduled Event" the cron schedules hand over (ADR 0018), its
 * execution id, time and ARN filled by Scheduler's context attributes, with the moment as detail.
 */
export function momentInput(moment: Moment, targetArn: string): string {
  const [, , , region, account] = targetArn.split(':');
  return JSON.stringify({
    version: '0',
    id: '<aws.scheduler.execution-id>',
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account,
    time: '<aws.scheduler.scheduled-time>',
    region,
    resources: ['<aws.scheduler.schedule-arn>'],
    detail: moment,
  });
}

/**
 * `targetArn`: the function to invoke, by default the kind's target from the environment; a target
 * re-arming its own kind passes its own ARN (a function's environment cannot name its own ARN).
 */
export function scheduleRequest(moment: Moment, fireAt: Date, targetArn = env(momentTargetEnv[moment.kind])): CreateScheduleCommandInput {
  return {
    Name: scheduleNameOf(moment),
    GroupName: env('momentGroup'),
    Description: `${moment.kind} of ${moment.subject.type} ${moment.subject.id} at ${moment.at}`.slice(0, 512),
    ScheduleExpression: atExpression(fireAt),
    ScheduleExpressionTimezone: 'UTC',
    // Minute precision is the point of a moment: no flexible window.
    FlexibleTimeWindow: { Mode: 'OFF' },
    ActionAfterCompletion: 'DELETE',
    State: 'ENABLED',
    Target: { Arn: targetArn, RoleArn: env('momentRoleArn'), Input: momentInput(moment, targetArn), RetryPolicy: retryPolicy },
  };
}

/** Creates the moment's schedule, or moves the existing one of the same kind and subject. Returns which. */
export async function setMoment(moment: Moment, fireAt: Date, targetArn?: string): Promise<'created' | 'moved'> {
  const request = scheduleRequest(moment, fireAt, targetArn);
  try {
    await scheduler().send(new CreateScheduleCommand(request));
    return 'created';
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
  }
  try {
    await scheduler().send(new UpdateScheduleCommand(request));
    return 'moved';
  } catch (error) {
    // Deleted between the two calls (it fired, or a clear ran): create it again.
    if (!(error instanceof ResourceNotFoundException)) throw error;
    await scheduler().send(new CreateScheduleCommand(request));
    return 'created';
  }
}

/** Deletes the moment's schedule; one already gone is done (false). */
export async function clearMoment(moment: Pick<Moment, 'kind' | 'subject'>): Promise<boolean> {
  try {
    await scheduler().send(new DeleteScheduleCommand({ Name: scheduleNameOf(moment), GroupName: env('momentGroup') }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}

/** Carries out what an event means for a moment (shared/domain/moments): the result, for the log. */
export async function applyMomentChange(change: MomentChange, targetArn?: string): Promise<{ moment?: string; action: 'created' | 'moved' | 'deleted' | 'already-gone' | 'none'; fireAt?: string }> {
  if (change.action === 'none') return { action: 'none' };
  const moment = scheduleNameOf(change.moment);
  if (change.action === 'clear') return { moment, action: (await clearMoment(change.moment)) ? 'deleted' : 'already-gone' };
  return { moment, action: await setMoment(change.moment, change.fireAt, targetArn), fireAt: change.fireAt.toISOString() };
}
