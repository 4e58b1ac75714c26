import { Duration, Names, NestedStack, RemovalPolicy, Stack, TimeZone, type CfnElement } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleGroup, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ScheduleDef } from '../../definition/types';
import { acknowledge } from '../acknowledge';
import type { AppFunctions } from './app-functions';
import type { DeadLetterQueue } from './dead-letter-queue';
import { delivery } from '../../definition/delivery';

/** The zone a schedule is evaluated in: the client's own for `client`, else UTC. */
export const scheduleZone = (def: Pick<ScheduleDef, 'timeZone'>, clientTimeZone: string): string =>
  def.timeZone === 'client' ? clientTimeZone : 'UTC';

/**
 * What the Scheduler hands the function: without an input it would send `{}`, so the input is the
 * "Scheduled Event" the local scheduler sends too (infra/local/scheduler.ts), filled with the run's
 * context: the schedule (name in the ARN), the scheduled time and this attempt's execution id.
 * The schedule handler (functions/handlers/schedule-handler.ts, ADR 0018) is idempotent by the
 * first two.
 */
const scheduledEventInput = (stack: Stack) =>
  ScheduleTargetInput.fromObject({
    version: '0',
    id: ContextAttribute.executionId,
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: stack.account,
    time: ContextAttribute.scheduledTime,
    region: stack.region,
    resources: [ContextAttribute.scheduleArn],
    detail: {},
  });

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
      acknowledge(
        role,
        `AwsSolutions-IAM5[Resource::<${this.arnReference(fn)}>:*]`,
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
          input: scheduledEventInput(Stack.of(this)),
          deadLetterQueue: props.deadLetters.queue,
          retryAttempts: delivery.targetDeliveryRetries,
          maxEventAge: Duration.hours(6),
        }),
      });
    }
  }

  /**
   * How this stack's template names the function's ARN, as cdk-nag reports it: its own attribute,
   * or the output of the nested stack that holds the functions (ADR 0022).
   */
  private arnReference(fn: IFunction): string {
    const resource = fn.node.defaultChild as CfnElement;
    const home = Stack.of(fn);
    if (home === Stack.of(this)) return `${home.getLogicalId(resource)}.Arn`;
    if (!(home instanceof NestedStack) || !home.nestedStackResource) throw new Error(`Function ${fn.node.path} is neither in this stack nor in a stack nested in it`);
    return `${Stack.of(this).getLogicalId(home.nestedStackResource)}.Outputs.${Names.uniqueId(resource)}Arn`;
  }
}
