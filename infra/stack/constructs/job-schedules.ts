import { Duration, RemovalPolicy, Stack, TimeZone, type CfnElement } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleGroup, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { ScheduleDef } from '../../definition/types';
import { acknowledge } from '../acknowledge';
import type { AppFunctions } from './app-functions';
import type { DeadLetterQueue } from './dead-letter-queue';
import { delivery } from '../../definition/delivery';

/** The zone a schedule is evaluated in: the client's own for `client`, else UTC. */
export const scheduleZone = (def: Pick<ScheduleDef, 'timeZone'>, clientTimeZone: string): string =>
  def.timeZone === 'client' ? clientTimeZone : 'UTC';

/**
 * EventBridge Scheduler: a group per client (`crm-<client>`) and one schedule per ScheduleDef,
 * expression verbatim, evaluated in the client's time zone where the definition says so
 * (a 09:00 digest is 09:00 in Moscow or Almaty, daylight saving included).
 */
export class JobSchedules extends Construct {
  readonly group: ScheduleGroup;

  constructor(scope: Construct, id: string, props: { groupName: string }) {
    super(scope, id);
    // DESTROY: a retained, empty group would block re-creating the stack under the same name.
    this.group = new ScheduleGroup(this, 'Group', { scheduleGroupName: props.groupName, removalPolicy: RemovalPolicy.DESTROY });
  }

  addSchedules(props: { schedules: readonly ScheduleDef[]; clientTimeZone: string; functions: AppFunctions; deadLetters: DeadLetterQueue }): void {
    for (const def of props.schedules) {
      const fn = props.functions.get(def.function);
      // One role per schedule, so that its policy names the one function it may invoke.
      const role = new Role(this, `${def.id}-role`, { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
      const fnLogicalId = Stack.of(this).getLogicalId(fn.node.defaultChild as CfnElement);
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${fnLogicalId}.Arn>:*]`,
        'CDK grants lambda:InvokeFunction on the function and its qualified ARNs (versions, aliases) of this one function only.',
      );
      new Schedule(this, def.id, {
        // Names are unique per group, and the group is per client.
        scheduleName: def.id,
        scheduleGroup: this.group,
        description: def.description,
        schedule: ScheduleExpression.expression(def.expression, TimeZone.of(scheduleZone(def, props.clientTimeZone))),
        timeWindow: TimeWindow.off(),
        target: new LambdaInvoke(fn, {
          role,
          deadLetterQueue: props.deadLetters.queue,
          retryAttempts: delivery.targetDeliveryRetries,
          maxEventAge: Duration.hours(6),
        }),
      });
    }
  }
}
