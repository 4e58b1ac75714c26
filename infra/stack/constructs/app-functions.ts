import { join } from 'node:path';
import { Duration, Tags } from 'aws-cdk-lib';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';
import { bundling } from '../../definition/bundling';
import type { FunctionDef, FunctionGrants } from '../../definition/types';
import type { ClientConfig } from '../../config/client-config';
import { envNames } from '../../../shared/config/runtime-env';
import { acknowledge } from '../acknowledge';
import { repoRoot } from '../repo-root';
import type { DataTable } from './data-table';
import type { FileBucket } from './file-bucket';
import type { MailSender } from './mail-sender';

/**
 * Table actions per FunctionGrants['table']. Item-level access only: no Scan (request paths must
 * not scan), no table management. TransactWriteItems has no action of its own: each item in a
 * transaction is authorised by its Put/Update/Delete/ConditionCheck action.
 */
const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:DescribeTable'] as const;
const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** The user pool's admin actions the user administration needs (FunctionGrants['userPool']). */
export const userPoolAdminActions = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
] as const;

function tableActionsFor(access: FunctionGrants['table']): readonly string[] {
  switch (access) {
    case 'none':
      return [];
    case 'read':
      return tableReadActions;
    case 'read-write':
      return [...tableReadActions, ...tableWriteActions];
  }
}

/** Environment variable carrying the definition's function id: maps the template back to it. */
export const functionIdEnv = 'CRM_FUNCTION_ID';
/** Tag with the same id, for the console and cost reports. */
export const functionIdTag = 'crm:function';

export interface AppFunctionsProps {
  readonly functions: readonly FunctionDef[];
  readonly client: ClientConfig;
  readonly appUrl: string;
  readonly dataTable: DataTable;
  readonly bus: IEventBus;
  readonly mail: MailSender;
  readonly userPool: IUserPool;
  readonly files: FileBucket;
}

/**
 * One NodejsFunction per FunctionDef: Node 22 on arm64, bundled by esbuild with the options the
 * bench measures, the environment every handler reads (shared/config/runtime-env.ts), its own
 * log group and its own role, granted what its FunctionGrants declare and nothing more.
 */
export class AppFunctions extends Construct {
  private readonly byId = new Map<string, NodejsFunction>();
  private readonly logGroups = new Map<string, LogGroup>();

  constructor(scope: Construct, id: string, props: AppFunctionsProps) {
    super(scope, id);
    const { client } = props;
    const environment: Record<string, string> = {
      [envNames.tableName]: props.dataTable.table.tableName,
      [envNames.tableIndexes]: JSON.stringify(props.dataTable.servingIndexes),
      [envNames.eventBusName]: props.bus.eventBusName,
      [envNames.senderEmail]: client.senderEmail,
      [envNames.appUrl]: props.appUrl,
      [envNames.locale]: client.locale,
      [envNames.displayName]: client.displayName,
      [envNames.timeZone]: client.timeZone,
      [envNames.currency]: client.currency,
      [envNames.auditRetentionDays]: String(client.auditRetentionDays),
      [envNames.allowedFormOrigins]: client.allowedFormOrigins.join(','),
      [envNames.filesBucket]: props.files.bucket.bucketName,
      // INFO by default; an operator sets DEBUG on one function to see its every step.
      [envNames.logLevel]: 'INFO',
      // Stack traces point at the TypeScript sources (bundles ship their source maps).
      NODE_OPTIONS: '--enable-source-maps',
    };

    for (const def of props.functions) {
      const logGroup = new LogGroup(this, `${def.id}-logs`, { retention: RetentionDays.THREE_MONTHS });
      // An own role instead of AWSLambdaBasicExecutionRole: it may write to its log group only.
      const role = new Role(this, `${def.id}-role`, {
        assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
        description: `CRM function ${def.id}`,
      });
      logGroup.grantWrite(role);

      const fn = new NodejsFunction(this, def.id, {
        entry: join(repoRoot, def.entry),
        handler: 'handler',
        projectRoot: repoRoot,
        depsLockFilePath: join(repoRoot, 'package-lock.json'),
        description: `${def.id}: ${def.description}`.slice(0, 256),
        runtime: Runtime.NODEJS_22_X,
        architecture: Architecture.ARM_64,
        memorySize: def.memoryMb,
        timeout: Duration.seconds(def.timeoutSeconds),
        role,
        logGroup,
        tracing: Tracing.ACTIVE,
        environment: { ...environment, [functionIdEnv]: def.id },
        bundling: {
          minify: bundling.minify,
          sourceMap: bundling.sourceMap,
          target: bundling.target,
          format: bundling.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
          externalModules: [...bundling.externalModules],
          banner: bundling.banner,
          // esbuild's per-file size report would drown synth output; warnings and errors still show.
          logLevel: LogLevel.WARNING,
        },
      });
      Tags.of(fn).add(functionIdTag, def.id);

      const tableActions = tableActionsFor(def.grants.table);
      if (tableActions.length > 0) {
        role.addToPrincipalPolicy(
          new PolicyStatement({ effect: Effect.ALLOW, actions: [...tableActions], resources: props.dataTable.dataArns }),
        );
      }
      if (def.grants.userPool === 'admin') {
        fn.addEnvironment(envNames.userPoolId, props.userPool.userPoolId);
        role.addToPrincipalPolicy(new PolicyStatement({ effect: Effect.ALLOW, actions: [...userPoolAdminActions], resources: [props.userPool.userPoolArn] }));
      }
      if (def.grants.putEvents) props.bus.grantPutEventsTo(fn);
      if (def.grants.sendEmail) props.mail.grantSend(fn);
      props.files.grant(role, def.grants.files);
      acknowledge(
        role,
        'AwsSolutions-IAM5[Resource::*]',
        'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions (added by Tracing.ACTIVE).',
      );
      this.byId.set(def.id, fn);
      this.logGroups.set(def.id, logGroup);
    }
    acknowledge(
      this,
      'AwsSolutions-L1',
      'Node.js 22 is the chosen Lambda runtime (bundles target node22; the same handlers run on local Node 20); moving to 24 is a deliberate upgrade, not a lint fix.',
    );
  }

  get(id: string): NodejsFunction {
    const fn = this.byId.get(id);
    if (!fn) throw new Error(`The app definition names function "${id}", which is not declared in its functions`);
    return fn;
  }

  logGroupOf(id: string): LogGroup {
    const group = this.logGroups.get(id);
    if (!group) throw new Error(`No log group for function "${id}"`);
    return group;
  }

  get all(): NodejsFunction[] {
    return [...this.byId.values()];
  }
}
