import { app } from '../../infra/definition/app';
import { createLambdaRuntime } from '../../infra/local/lambda-runtime';
import { LocalScheduler } from '../../infra/local/scheduler';
import { LocalSchedulerApi } from '../../infra/local/scheduler-api';
import { momentTargetEnv } from '../../shared/adapters/one-time-schedules';
import { envNames } from '../../shared/config/runtime-env';
import { FakeClock } from './fake-clock';

/**
 * The local Scheduler (its API emulator and timers, ADR 0012) on an injected clock, running the
 * definition's real handlers in this process: what a test of one-time moments needs. Sets the
 * environment the moment-setting functions read, as the local stack does. The cron schedules are
 * left out: only the one-time ones fire.
 */
export async function startOneTimeScheduler(startsAt: string, options: { oneTimeFile?: string } = {}) {
  const region = 'eu-central-1';
  const accountId = '000000000000';
  const groupName = 'crm-test';
  const clock = new FakeClock(Date.parse(startsAt));
  const definition = { ...app, schedules: [] };
  const runtime = createLambdaRuntime(definition, { region, accountId });
  const scheduler = new LocalScheduler({ definition, clientTimeZone: 'UTC', groupName, region, accountId, runtime, clock, ...options });
  const api = new LocalSchedulerApi(scheduler);
  const endpoint = await api.listen();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SCHEDULER: endpoint,
    [envNames.momentGroup]: groupName,
    [envNames.momentRoleArn]: `arn:aws:iam::${accountId}:role/crm-test-one-time-schedules`,
    ...Object.fromEntries(app.oneTimeTargets.map((t) => [envNames[momentTargetEnv[t.moment]], scheduler.functionArn(t.function)])),
  });
  scheduler.start();
  return {
    clock,
    scheduler,
    endpoint,
    /** Moves the clock on to `iso`, firing what falls due, and waits for the handlers to finish. */
    advanceTo: async (iso: string) => {
      await clock.advanceTo(iso);
      await scheduler.oneTimeIdle();
    },
    /** Pending one-time schedules: name → the instant they fire. */
    pending: () => Object.fromEntries(scheduler.listOneTime(groupName).map((s) => [s.name, s.at])),
    stop: async () => {
      scheduler.stop();
      await api.close();
    },
  };
}
