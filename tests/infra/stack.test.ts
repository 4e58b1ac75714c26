import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { loadClientConfig } from '../../infra/config/client-config';
import { app } from '../../infra/definition/app';
import { webClientAttributes } from '../../infra/local/cognito-emulator';
import { apiThrottle } from '../../infra/stack/constructs/crm-http-api';
import { edgeHeaders } from '../../shared/config/edge';
import { momentTargetEnv } from '../../shared/adapters/one-time-schedules';
import { envNames } from '../../shared/config/runtime-env';
import { roles } from '../../shared/auth/roles';
import { resourcesOfType, synthCached } from './support/synth';

const client = loadClientConfig('acme');
const { template, stack, app: cdkApp } = synthCached('acme');
const appOutdir = cdkApp.outdir;
const json = template.toJSON() as { Resources: Record<string, { Type: string; Properties: Record<string, any> }>; Outputs: Record<string, any> };

/** Logical id of the function whose CRM_FUNCTION_ID is `id`. */
const functionLogicalId = (id: string): string => {
  const entry = Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).find(
    ([, r]) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID === id,
  );
  if (!entry) throw new Error(`no function ${id}`);
  return entry[0];
};
/** The environment variables of the function whose CRM_FUNCTION_ID is `id`. */
const appFunctionEnv = (id: string): Record<string, unknown> => json.Resources[functionLogicalId(id)]!.Properties.Environment.Variables;

/** A CloudFront function's handler, found by its comment, to run in the test. */
const cloudFrontFunction = (comment: string): ((event: unknown) => unknown) => {
  const fn = Object.values(resourcesOfType(template, 'AWS::CloudFront::Function')).find((f) => f.Properties?.FunctionConfig?.Comment === comment);
  if (!fn) throw new Error(`no CloudFront function "${comment}"`);
  return new Function(`${fn.Properties!.FunctionCode}; return handler;`)() as (event: unknown) => unknown;
};

const appFunctions = () =>
  Object.entries(resourcesOfType(template, 'AWS::Lambda::Function')).filter(([, r]) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID);

describe('stack', () => {
  it('is named Crm-<client>, lives in the client region and is tagged with the client', () => {
    expect(stack.stackName).toBe('Crm-acme');
    expect(stack.region).toBe(client.region);
    template.hasResourceProperties('AWS::Events::EventBus', { Tags: Match.arrayWith([{ Key: 'crm:client', Value: 'acme' }]) });
  });
});

describe('data table', () => {
  it('follows the definition: pk/sk strings, GSIs projecting ALL, stream, TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ]),
      GlobalSecondaryIndexes: app.table.globalIndexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: index.projection.type === 'INCLUDE' ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.attributes] } : { ProjectionType: index.projection.type },
      })),
      StreamSpecification: { StreamViewType: app.table.stream },
      TimeToLiveSpecification: { AttributeName: app.table.timeToLiveAttribute, Enabled: true },
    });
  });

  it('is on-demand, encrypted, point-in-time recoverable, deletion protected and retained', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [
          Match.objectLike({
            Region: client.region,
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });
});

describe('functions', () => {
  it('one per definition entry: Node 22, arm64, timeout and memory from the definition', () => {
    expect(appFunctions()).toHaveLength(app.functions.length);
    for (const fn of app.functions) {
      const props = json.Resources[functionLogicalId(fn.id)]!.Properties;
      expect(props).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Timeout: fn.timeoutSeconds,
        MemorySize: fn.memoryMb,
        TracingConfig: { Mode: 'Active' },
      });
      expect(props.Description).toMatch(new RegExp(`^${fn.id}: `));
      expect(props.Tags).toContainEqual({ Key: 'crm:function', Value: fn.id });
    }
  });

  it('every function gets every variable of shared/config/runtime-env.ts, with the client values (the edge secret: API functions only)', () => {
    // The edge secret is for API functions, the user pool for user administration; the files directory and its URL secret are the local runtime's.
    const localOnly: string[] = [envNames.edgeSecret, envNames.userPoolId, envNames.filesDir, envNames.filesUrlSecret];
    // The one-time moments' names (MOMENT_*) go to the functions that set them (below).
    const everyFunctions = Object.values(envNames).filter((name) => !localOnly.includes(name) && !name.startsWith('MOMENT_'));
    for (const [, r] of appFunctions()) {
      const vars = r.Properties!.Environment.Variables;
      expect(Object.keys(vars)).toEqual(expect.arrayContaining(everyFunctions));
      expect(vars).toMatchObject({
        SENDER_EMAIL: client.senderEmail,
        CLIENT_LOCALE: client.locale,
        CLIENT_DISPLAY_NAME: client.displayName,
        CLIENT_TIME_ZONE: client.timeZone,
        CLIENT_CURRENCY: client.currency,
        ALLOWED_FORM_ORIGINS: client.allowedFormOrigins.join(','),
        LOG_LEVEL: 'INFO',
        TABLE_NAME: { Ref: expect.stringMatching(/^DataTable/) },
        EVENT_BUS_NAME: { Ref: expect.stringMatching(/^EventsBus/) },
        FILES_BUCKET: { Ref: expect.stringMatching(/^Files/) },
      });
      expect(vars).not.toHaveProperty(envNames.filesDir);
      expect(JSON.stringify(vars.APP_URL)).toContain('WebDistribution');
    }
  });

  it("functions that set one-time moments get the group, Scheduler's role and every target but their own kind's (ADR 0012); others none", () => {
    const targets = new Set(app.oneTimeTargets.map((t) => t.function));
    for (const fn of app.functions) {
      const vars = json.Resources[functionLogicalId(fn.id)]!.Properties.Environment.Variables;
      if (!fn.grants.oneTimeSchedules) {
        expect(Object.keys(vars).filter((name) => name.startsWith('MOMENT_')), fn.id).toEqual([]);
        continue;
      }
      expect(vars[envNames.momentGroup], fn.id).toBe('crm-acme');
      expect(JSON.stringify(vars[envNames.momentRoleArn]), fn.id).toContain('OneTimeTargetsInvokeRole');
      // A target sets only its own kind again, with its own ARN from its context: no environment names a target.
      const targetVars = app.oneTimeTargets.map((t) => envNames[momentTargetEnv[t.moment]]);
      expect(targetVars.filter((name) => name in vars), fn.id).toEqual(targets.has(fn.id) ? [] : targetVars);
      if (targets.has(fn.id)) continue;
      for (const target of app.oneTimeTargets) expect(JSON.stringify(vars[envNames[momentTargetEnv[target.moment]]]), fn.id).toContain(functionLogicalId(target.function));
    }
  });

  it('each has a log group with a retention', () => {
    for (const [, r] of appFunctions()) {
      const logGroupId = r.Properties!.LoggingConfig.LogGroup.Ref as string;
      expect(json.Resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 90 } });
    }
  });

  it('least privilege: item access to the table and its named indexes, PutEvents on the bus, SendEmail as the sender', () => {
    const policies = Object.values(resourcesOfType(template, 'AWS::IAM::Policy'));
    const statements = policies.flatMap((p) => p.Properties!.PolicyDocument.Statement as any[]);
    const forAction = (action: string) => statements.filter((s) => [s.Action].flat().includes(action));

    const dynamo = forAction('dynamodb:GetItem');
    expect(dynamo.length).toBe(app.functions.filter((fn) => fn.grants.table !== 'none').length);
    for (const s of dynamo) {
      expect(s.Action).not.toContain('dynamodb:Scan');
      expect(JSON.stringify(s.Resource)).not.toContain('index/*');
      for (const index of app.table.globalIndexes) expect(JSON.stringify(s.Resource)).toContain(`/index/${index.name}`);
    }
    for (const s of forAction('events:PutEvents')) expect(s.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^EventsBus/), 'Arn'] });
    const ses = forAction('ses:SendEmail');
    expect(ses.length).toBe(app.functions.filter((fn) => fn.grants.sendEmail).length);
    for (const s of ses) expect(s.Condition).toEqual({ StringEquals: { 'ses:FromAddress': client.senderEmail } });
    const files = statements.filter((s) => [s.Action].flat().some((a: string) => a.startsWith('s3:')) && JSON.stringify(s.Resource).includes('Files'));
    expect(files.length).toBe(app.functions.filter((fn) => fn.grants.files && fn.grants.files !== 'none').length);
    for (const s of files) {
      expect([s.Action].flat().every((a: string) => ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].includes(a))).toBe(true);
      expect(s.Resource).toEqual({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [expect.stringMatching(/^Files/), 'Arn'] }, '/*']] });
    }
    expect(statements.filter((s) => [s.Action].flat().some((a: string) => a === '*' || a.endsWith(':*')))).toEqual([]);
  });
});

describe('HTTP API', () => {
  const routes = Object.values(resourcesOfType(template, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!);
  const routeFor = (key: string) => routes.find((r) => r.RouteKey === key);

  it('has exactly the routes of the definition, each a Lambda proxy integration with payload 2.0', () => {
    expect(routes.map((r) => r.RouteKey).sort()).toEqual(app.routes.map((r) => `${r.method} ${r.path}`).sort());
    template.allResourcesProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
  });

  it('has one Cognito JWT authorizer: the user pool issuer, the web client as audience, the Authorization header', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('^UsersUserPoolWebClient') }],
        Issuer: { 'Fn::Join': ['', [`https://cognito-idp.${client.region}.amazonaws.com/`, { Ref: Match.stringLikeRegexp('^UsersUserPool') }]] },
      },
    });
  });

  it('puts the authorizer on every signed-in route and none on public ones', () => {
    const authorizerId = Object.keys(resourcesOfType(template, 'AWS::ApiGatewayV2::Authorizer'))[0];
    for (const def of app.routes) {
      const route = routeFor(`${def.method} ${def.path}`);
      if (def.access === 'signed-in') {
        expect(route, def.path).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
      } else {
        expect(route?.AuthorizationType, def.path).toBe('NONE');
        expect(route?.AuthorizerId, def.path).toBeUndefined();
      }
    }
  });

  it('has one $default stage with access logs and throttling, and no CORS (same origin through CloudFront)', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('requestId') },
      DefaultRouteSettings: { ThrottlingRateLimit: apiThrottle.rateLimit, ThrottlingBurstLimit: apiThrottle.burstLimit },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', Name: 'crm-acme', CorsConfiguration: Match.absent() });
  });
});

describe('events', () => {
  it('has the client bus crm-<client> with an archive', () => {
    template.hasResourceProperties('AWS::Events::EventBus', { Name: 'crm-acme' });
    template.resourceCountIs('AWS::Events::Archive', 1);
  });

  it('has one rule per definition rule: pattern verbatim, on the client bus, Lambda target with retries and a DLQ', () => {
    template.resourceCountIs('AWS::Events::Rule', app.rules.length);
    for (const rule of app.rules) {
      template.hasResourceProperties('AWS::Events::Rule', {
        Name: rule.id,
        EventBusName: { Ref: Match.stringLikeRegexp('^EventsBus') },
        EventPattern: Match.exact(rule.eventPattern),
        Targets: [
          {
            Arn: { 'Fn::GetAtt': [functionLogicalId(rule.function), 'Arn'] },
            Id: Match.anyValue(),
            RetryPolicy: { MaximumRetryAttempts: Match.anyValue(), MaximumEventAgeInSeconds: Match.anyValue() },
            DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventDeliveryFailures'), 'Arn'] } },
          },
        ],
      });
    }
  });

  it('sends failed async invocations of rule, schedule and one-time targets to the same dead-letter queue', () => {
    const targets = new Set([...app.rules, ...app.schedules, ...app.oneTimeTargets].map((t) => t.function));
    template.resourceCountIs('AWS::Lambda::EventInvokeConfig', targets.size);
    for (const id of targets) {
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: functionLogicalId(id) },
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^EventDeliveryFailures'), 'Arn'] } } },
      });
    }
  });

  it("mails the admin as soon as one delivery waits in the dead-letter queue", () => {
    const queue = Object.keys(resourcesOfType(template, 'AWS::SQS::Queue')).find((id) => id.startsWith('EventDeliveryFailures'))!;
    const topic = Object.keys(resourcesOfType(template, 'AWS::SNS::Topic')).find((id) => id.startsWith('Alarms'))!;
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
      Statistic: 'Maximum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: topic }],
    });
  });
});

describe('schedules', () => {
  it('has a group crm-<client> and one schedule per definition schedule in the client time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'crm-acme' });
    template.resourceCountIs('AWS::Scheduler::Schedule', app.schedules.length);
    for (const schedule of app.schedules) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        Name: schedule.id,
        GroupName: 'crm-acme',
        ScheduleExpression: schedule.expression,
        ScheduleExpressionTimezone: schedule.timeZone === 'client' ? 'Europe/Moscow' : 'UTC',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [functionLogicalId(schedule.function), 'Arn'] },
          RoleArn: Match.anyValue(),
          DeadLetterConfig: Match.anyValue(),
          RetryPolicy: Match.anyValue(),
        }),
      });
    }
  });

  it('evaluates a client-zone schedule in each client own zone', async () => {
    const { synthCached: again } = await import('./support/synth');
    const steppe = again('steppe').template;
    for (const schedule of app.schedules.filter((s) => s.timeZone === 'client')) {
      steppe.hasResourceProperties('AWS::Scheduler::Schedule', { Name: schedule.id, ScheduleExpressionTimezone: 'Asia/Almaty' });
    }
  });
});

describe('stream consumers', () => {
  it('map the table stream to the consumer with the INSERT/entity filter, partial batches, bisect, retries and an on-failure queue', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', app.streamConsumers.length);
    for (const consumer of app.streamConsumers) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DataTable'), 'StreamArn'] },
        FunctionName: { Ref: functionLogicalId(consumer.function) },
        BatchSize: consumer.batchSize,
        StartingPosition: 'TRIM_HORIZON',
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.anyValue(), 'Arn'] } } },
        FilterCriteria: {
          Filters: [{ Pattern: JSON.stringify({ eventName: consumer.filter.eventNames, dynamodb: { NewImage: { entity: { S: consumer.filter.entities } } } }) }],
        },
        Tags: Match.arrayWith([{ Key: 'crm:stream-consumer', Value: consumer.id }]),
      });
    }
  });
});

describe('SES', () => {
  it('has the sender identity with a configuration set', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: client.senderEmail,
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SuppressionOptions: { SuppressedReasons: Match.arrayWith(['BOUNCE', 'COMPLAINT']) },
    });
  });
});

describe('Cognito', () => {
  it('has an invite-only pool signing in by email, with a strong password policy, optional TOTP and email recovery', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: {
        PasswordPolicy: Match.objectLike({ MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has one group per role', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', roles.length);
    for (const role of roles) template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: role });
  });

  it('has a web client without a secret using password, SRP and refresh flows', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  it('keeps a portal user’s account out of their own reach: readable in the token, writable only by admins', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'accountId', AttributeDataType: 'String', Mutable: true })]),
    });
    const clients = template.findResources('AWS::Cognito::UserPoolClient');
    const web = Object.values(clients)[0]!.Properties as { WriteAttributes: string[]; ReadAttributes: string[] };
    expect(web.WriteAttributes.some((a) => a.startsWith('custom:'))).toBe(false);
    expect(web.ReadAttributes).toContain('custom:accountId');
    // The local pool's client, whose write guard enforces them, names the same (issue 12 §4).
    expect([...web.WriteAttributes].sort()).toEqual([...webClientAttributes.write].sort());
    expect([...web.ReadAttributes].sort()).toEqual([...webClientAttributes.read].sort());
  });

  it('creates the first admin from the client config, emailed by Cognito, in the admin group', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolUser', {
      Username: client.adminEmail,
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: Match.arrayWith([{ Name: 'email', Value: client.adminEmail }]),
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolUserToGroupAttachment', { GroupName: { Ref: Match.stringLikeRegexp('admin') }, Username: client.adminEmail });
  });
});

describe('web hosting', () => {
  const distribution = () => Object.values(resourcesOfType(template, 'AWS::CloudFront::Distribution'))[0]!.Properties!.DistributionConfig;

  it('keeps the site bucket private, encrypted, TLS-only and access-logged', () => {
    const buckets = resourcesOfType(template, 'AWS::S3::Bucket');
    for (const [, bucket] of Object.entries(buckets)) {
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      });
    }
    const site = Object.entries(buckets).find(([id]) => id.startsWith('WebSite'));
    expect(site?.[1].Properties?.LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: expect.stringMatching(/^WebAccessLogs/) } });
    const files = Object.entries(buckets).find(([id]) => id.startsWith('Files'));
    expect(files?.[1]).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: { Ref: expect.stringMatching(/^WebAccessLogs/) }, LogFilePrefix: 'files/' },
        CorsConfiguration: { CorsRules: [expect.objectContaining({ AllowedMethods: ['PUT', 'GET'] })] },
      },
    });
    expect(files?.[1].Properties?.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'imports/', ExpirationInDays: 7 }),
        expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 7 }),
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
      ]),
    );
    const policies = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(3);
    for (const policy of policies) {
      expect(policy.Properties!.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('serves the bucket through origin access control, index.html at the root, client routes through a viewer function', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const config = distribution();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
      ResponseHeadersPolicyId: expect.anything(),
    });
    const s3Origin = config.Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    // No distribution-wide error responses: they would also rewrite the API's own 403/404s.
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  it('routes /api/* to the HTTP API uncached, all methods, all viewer headers except Host', () => {
    const config = distribution();
    const api = config.CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', // Managed-CachingDisabled
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac', // Managed-AllViewerExceptHostHeader
      ViewerProtocolPolicy: 'https-only',
    });
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
    expect(JSON.stringify(origin.DomainName)).toContain('HttpApi');
  });

  it('sends security headers and logs requests', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentSecurityPolicy: Match.objectLike({ ContentSecurityPolicy: Match.stringLikeRegexp(`connect-src 'self' https://cognito-idp.${client.region}.amazonaws.com`) }),
        }),
      },
    });
    expect(distribution().Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(distribution().WebACLId).toBeUndefined();
  });

  it('API functions answer only CloudFront: it sends a generated secret they check, and the viewer address', () => {
    const api = distribution().CacheBehaviors.find((b: any) => b.PathPattern === '/api/*');
    const origin = distribution().Origins.find((o: any) => o.Id === api.TargetOriginId);
    const secrets = Object.keys(resourcesOfType(template, 'AWS::SecretsManager::Secret'));
    expect(secrets).toHaveLength(1);
    const sent = origin.OriginCustomHeaders.find((h: any) => h.HeaderName === edgeHeaders.secret);
    expect(JSON.stringify(sent.HeaderValue)).toContain(secrets[0]);
    const routed = new Set(app.routes.map((r) => r.function));
    for (const fn of app.functions) {
      const expected = JSON.stringify(appFunctionEnv(fn.id)[envNames.edgeSecret] ?? null);
      if (routed.has(fn.id)) expect(expected).toBe(JSON.stringify(sent.HeaderValue));
      else expect(expected).toBe('null');
    }
    expect(api.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: expect.anything() }]);
    const handler = cloudFrontFunction("The viewer's IP for the API") as (e: any) => { headers: Record<string, { value: string }> };
    const request = handler({ viewer: { ip: '198.51.100.7' }, request: { uri: '/api/leads', headers: { [edgeHeaders.viewerIp]: { value: '6.6.6.6' } } } });
    expect(request.headers[edgeHeaders.viewerIp]).toEqual({ value: '198.51.100.7' });
  });

  it('the SPA fallback function rewrites client routes to index.html and leaves files alone', () => {
    const handler = cloudFrontFunction('Client-side routes get index.html') as (e: any) => { uri: string };
    const uri = (path: string) => handler({ request: { uri: path } }).uri;
    expect(uri('/')).toBe('/index.html');
    expect(uri('/leads/01J0ABC')).toBe('/index.html');
    expect(uri('/assets/index-abc123.js')).toBe('/assets/index-abc123.js');
    expect(uri('/config.json')).toBe('/config.json');
  });

  it('deploys the web build and a config.json naming the region, pool, client, endpoint and client settings', () => {
    const deployments = Object.values(resourcesOfType(template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(2); // hashed assets, then index.html + config.json
    const withConfig = deployments.find((d) => JSON.stringify(d.Properties?.SourceMarkers ?? []).includes('UsersUserPool'));
    expect(withConfig).toBeDefined();
    expect(withConfig!.Properties).toMatchObject({ DistributionPaths: ['/*'], SystemMetadata: { 'cache-control': 'no-cache' } });
    // Hashed assets go first, cached for a year; the shell that references them after.
    const assets = Object.entries(resourcesOfType(template, 'Custom::CDKBucketDeployment')).find(([, d]) => d.Properties?.DestinationBucketKeyPrefix === 'assets/');
    expect(assets?.[1].Properties?.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect((withConfig as any).DependsOn).toContain(assets?.[0]);
    const markers = JSON.stringify(withConfig!.Properties!.SourceMarkers ?? []);
    expect(markers).toContain('UsersUserPool');
    expect(markers).toContain('UsersUserPoolWebClient');

    // The file itself is an asset of the assembly; the ids are deploy-time markers in it.
    const file = readdirSync(appOutdir)
      .filter((d) => d.startsWith('asset.'))
      .map((d) => join(appOutdir, d, 'config.json'))
      .find((f) => existsSync(f));
    const config = JSON.parse(readFileSync(file!, 'utf8'));
    expect(config).toEqual({
      region: client.region,
      userPoolId: expect.stringMatching(/^<<marker:/),
      userPoolClientId: expect.stringMatching(/^<<marker:/),
      cognitoEndpoint: `https://cognito-idp.${client.region}.amazonaws.com/`,
      locale: client.locale,
      currency: client.currency,
      timeZone: client.timeZone,
      displayName: client.displayName,
    });
  });

  it('attaches a WAF web ACL when one is given', async () => {
    const { synthClient } = await import('./support/synth');
    const webAclId = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/crm/abc';
    const { template: withWaf } = synthClient('acme', { webAclId });
    withWaf.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: Match.objectLike({ WebACLId: webAclId }) });
  });
});

describe('outputs', () => {
  it('names the app URL, API URL, user pool, client, table and bus', () => {
    expect(Object.keys(json.Outputs)).toEqual(expect.arrayContaining(['AppUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId', 'TableName', 'EventBusName']));
  });
});
