import { ArnFormat, Stack, Token, type CfnElement } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { FunctionDef, OneTimeTargetDef } from '../../definition/types';
import { momentTargetEnv } from '../../../shared/adapters/one-time-schedules';
import { envNames } from '../../../shared/config/runtime-env';
import { acknowledge } from '../acknowledge';
import type { AppFunctions } from './app-functions';

/** How cdk-nag shows a stack's region or account in a finding: the value, or the pseudo parameter of an environment-agnostic stack. */
const shown = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<${pseudo}>` : value);

/** What a function granted `oneTimeSchedules` may do to the group's schedules: no Get or List, which nothing needs. */
export const oneTimeScheduleActions = ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'] as const;

/**
 * One-time moments (ADR 0012): their schedules are made at run time, in the client's Scheduler group,
 * by the functions granted `oneTimeSchedules`. Beside those functions (in the function stack, ADR 0022,
 * so nothing crosses stacks): the role Scheduler invokes the targets with — lambda:InvokeFunction on
 * exactly the definition's one-time targets — and, for each setter, the schedule actions on the
 * group's schedules, iam:PassRole on that role only, and the names it needs in its environment.
 */
export class OneTimeTargets extends Construct {
  readonly role: Role;
  /** `arn:…:scheduler:<region>:<account>:schedule/<group>/*`: the schedules the setters may touch. */
  readonly schedulesArn: string;

  constructor(scope: Construct, id: string, props: { groupName: string; targets: readonly OneTimeTargetDef[]; functions: AppFunctions; definitions: readonly FunctionDef[] }) {
    super(scope, id);
    const stack = Stack.of(this);
    this.schedulesArn = stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${props.groupName}/*`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    this.role = new Role(this, 'InvokeRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        // Only this account's schedules may use it (the confused-deputy guard Scheduler documents).
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
      description: 'EventBridge Scheduler invokes the CRM functions of one-time moments with this role',
    });
    for (const target of props.targets) {
      const fn = props.functions.get(target.function);
      fn.grantInvoke(this.role);
      acknowledge(
        this.role,
        `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(fn.node.defaultChild as CfnElement)}.Arn>:*]`,
        'CDK grants lambda:InvokeFunction on the target function and its qualified ARNs (versions, aliases), of the one-time targets only.',
      );
    }

    const setters = props.definitions.filter((def) => def.grants.oneTimeSchedules);
    for (const def of setters) {
      const fn = props.functions.get(def.id);
      fn.addToRolePolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...oneTimeScheduleActions], resources: [this.schedulesArn] }));
      acknowledge(
        fn.role!,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:${shown(stack.region, 'AWS::Region')}:${shown(stack.account, 'AWS::AccountId')}:schedule/${props.groupName}/*]`,
        "One-time schedules are named at run time (a reminder's activity id): the setter may touch any schedule of the client's own group, nothing else.",
      );
      this.role.grantPassRole(fn.role!);
      fn.addEnvironment(envNames.momentGroup, props.groupName);
      fn.addEnvironment(envNames.momentRoleArn, this.role.roleArn);
      // A target sets only its own kind again, with its context's ARN: a function cannot name its own
      // ARN in its environment, and two targets naming each other's would be a dependency cycle.
      if (props.targets.some((t) => t.function === def.id)) continue;
      for (const target of props.targets) fn.addEnvironment(envNames[momentTargetEnv[target.moment]], props.functions.get(target.function).functionArn);
    }
  }
}
