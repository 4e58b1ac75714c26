import { describeProjection, sortDescription } from '../definition/describe-definition';
import type { RuntimeDescription } from '../definition/runtime-description';
import type { EventPattern, HttpMethod, RouteAccess, StreamFilter } from '../definition/types';
import { functionIdEnv } from './constructs/app-functions';
import { streamConsumerTag } from './constructs/stream-consumers';

/**
 * Reads back, from a synthesized CloudFormation template (`Template.toJSON()`), what the stack
 * actually wires up, as a RuntimeDescription. It looks only at the template, never at the
 * definition: functions are recognised by their CRM_FUNCTION_ID variable, so a route pointing
 * at the wrong function, a missing authorizer or a changed pattern all show up as differences.
 */

interface CfnResource {
  readonly Type: string;
  readonly Properties?: unknown;
}

export type TemplateJson = { readonly Resources?: Record<string, CfnResource> } & Record<string, unknown>;

const httpMethods: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] satisfies HttpMethod[];

/** `at(x, 'a', 0, 'b')` is x.a[0].b, or undefined when any step is missing. */
const at = (value: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[key] : undefined), value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown, what: string): string => {
  if (typeof value !== 'string') throw new Error(`${what}: expected a string, found ${JSON.stringify(value)}`);
  return value;
};

export function describeTemplate(template: TemplateJson): RuntimeDescription {
  const resources = template.Resources ?? {};
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  const functionIds = new Map<string, string>();
  for (const [logicalId, r] of ofType('AWS::Lambda::Function')) {
    const id = at(r.Properties, 'Environment', 'Variables', functionIdEnv);
    if (typeof id === 'string') functionIds.set(logicalId, id);
  }
  /** The app function an ARN or name reference (GetAtt/Ref) points at. */
  const functionOf = (reference: unknown, where: string): string => {
    const logicalId = referencedLogicalId(reference);
    const id = logicalId ? functionIds.get(logicalId) : undefined;
    if (!id) throw new Error(`${where}: does not point at an app function (${JSON.stringify(reference)})`);
    return id;
  };

  const routes = ofType('AWS::ApiGatewayV2::Route').map(([logicalId, r]) => {
    const key = text(at(r.Properties, 'RouteKey'), `Route ${logicalId}`);
    const [method, path, ...rest] = key.split(' ');
    if (!method || !httpMethods.includes(method) || !path || rest.length) throw new Error(`Route ${logicalId}: unexpected route key ${key}`);
    const integrationId = referencedLogicalId(at(r.Properties, 'Target'));
    const integration = integrationId ? resources[integrationId] : undefined;
    if (integration?.Type !== 'AWS::ApiGatewayV2::Integration') throw new Error(`Route ${key}: no integration`);
    if (at(integration.Properties, 'IntegrationType') !== 'AWS_PROXY' || at(integration.Properties, 'PayloadFormatVersion') !== '2.0') {
      throw new Error(`Route ${key}: not a Lambda proxy integration with payload 2.0`);
    }
    return {
      method: method as HttpMethod,
      path,
      function: functionOf(at(integration.Properties, 'IntegrationUri'), `Route ${key}`),
      access: routeAccess(r.Properties, resources, key),
    };
  });

  const rules = ofType('AWS::Events::Rule').map(([logicalId, r]) => {
    const name = text(at(r.Properties, 'Name'), `Rule ${logicalId}`);
    const targets = list(at(r.Properties, 'Targets'));
    if (targets.length !== 1) throw new Error(`Rule ${name}: expected one target, found ${targets.length}`);
    return { id: name, eventPattern: at(r.Properties, 'EventPattern') as EventPattern, function: functionOf(at(targets[0], 'Arn'), `Rule ${name}`) };
  });

  const schedules = ofType('AWS::Scheduler::Schedule').map(([logicalId, r]) => {
    const name = text(at(r.Properties, 'Name'), `Schedule ${logicalId}`);
    const zone = at(r.Properties, 'ScheduleExpressionTimezone');
    return {
      id: name,
      expression: text(at(r.Properties, 'ScheduleExpression'), `Schedule ${name}`),
      // Scheduler's own default when no zone is given.
      timeZone: typeof zone === 'string' ? zone : 'UTC',
      function: functionOf(at(r.Properties, 'Target', 'Arn'), `Schedule ${name}`),
    };
  });

  const streamConsumers = ofType('AWS::Lambda::EventSourceMapping').map(([logicalId, r]) => {
    const tag = list(at(r.Properties, 'Tags')).find((t) => at(t, 'Key') === streamConsumerTag);
    const id = text(at(tag, 'Value'), `Event source mapping ${logicalId}: ${streamConsumerTag} tag`);
    return { id, function: functionOf(at(r.Properties, 'FunctionName'), `Stream consumer ${id}`), filter: filterOf(r.Properties, id) };
  });

  // One-time moments' targets (ADR 0012): what a role Scheduler assumes, and no cron schedule uses, may invoke.
  const cronRoles = new Set(ofType('AWS::Scheduler::Schedule').map(([, r]) => referencedLogicalId(at(r.Properties, 'Target', 'RoleArn'))));
  const momentRoles = ofType('AWS::IAM::Role')
    .filter(([logicalId, r]) => !cronRoles.has(logicalId) && JSON.stringify(at(r.Properties, 'AssumeRolePolicyDocument')).includes('scheduler.amazonaws.com'))
    .map(([logicalId]) => logicalId);
  const oneTimeTargets = ofType('AWS::IAM::Policy')
    .filter(([, p]) => list(at(p.Properties, 'Roles')).some((role) => momentRoles.includes(referencedLogicalId(role) ?? '')))
    .flatMap(([, p]) => list(at(p.Properties, 'PolicyDocument', 'Statement')))
    .filter((statement) => [at(statement, 'Action')].flat().includes('lambda:InvokeFunction'))
    .flatMap((statement) => [at(statement, 'Resource')].flat().map(referencedLogicalId))
    .flatMap((logicalId) => (logicalId && functionIds.has(logicalId) ? [functionIds.get(logicalId)!] : []));

  return sortDescription({ routes, rules, schedules, oneTimeTargets: [...new Set(oneTimeTargets)], streamConsumers, table: describeTable(resources) });
}

/** `signed-in` = the Cognito JWT authorizer; `public` = no authorization; anything else is an error. */
function routeAccess(route: unknown, resources: Record<string, CfnResource>, key: string): RouteAccess {
  const type = at(route, 'AuthorizationType') ?? 'NONE';
  if (type === 'NONE' && at(route, 'AuthorizerId') === undefined) return 'public';
  if (type === 'JWT') {
    const authorizerId = referencedLogicalId(at(route, 'AuthorizerId'));
    const authorizer = authorizerId ? resources[authorizerId] : undefined;
    const p = authorizer?.Properties;
    const cognitoIssuer = JSON.stringify(at(p, 'JwtConfiguration', 'Issuer') ?? '').includes('https://cognito-idp.');
    if (
      authorizer?.Type === 'AWS::ApiGatewayV2::Authorizer' &&
      at(p, 'IdentitySource', 0) === '$request.header.Authorization' &&
      list(at(p, 'JwtConfiguration', 'Audience')).length > 0 &&
      cognitoIssuer
    ) {
      return 'signed-in';
    }
    throw new Error(`Route ${key}: JWT authorizer is not the Cognito user pool authorizer`);
  }
  throw new Error(`Route ${key}: authorization ${JSON.stringify(type)} is neither public nor signed-in`);
}

/** The entity of the one filter the stack gives a consumer: INSERT and NewImage.entity.S == x. */
function filterOf(mapping: unknown, id: string): StreamFilter {
  const filters = list(at(mapping, 'FilterCriteria', 'Filters'));
  if (filters.length !== 1) throw new Error(`Stream consumer ${id}: expected exactly one filter`);
  const source = text(at(filters[0], 'Pattern'), `Stream consumer ${id}: filter`);
  const pattern: unknown = JSON.parse(source);
  const eventNames = list(at(pattern, 'eventName'));
  const entities = list(at(pattern, 'dynamodb', 'NewImage', 'entity', 'S'));
  const filter = { eventNames, entities } as StreamFilter;
  const expected = { eventName: eventNames, dynamodb: { NewImage: { entity: { S: entities } } } };
  const known = eventNames.every((name) => name === 'INSERT' || name === 'MODIFY') && entities.length > 0 && entities.every((e) => typeof e === 'string');
  if (!known || JSON.stringify(pattern) !== JSON.stringify(expected)) {
    throw new Error(`Stream consumer ${id}: filter is not "INSERT/MODIFY of these entities": ${source}`);
  }
  return filter;
}

function describeTable(resources: Record<string, CfnResource>): RuntimeDescription['table'] {
  const tables = Object.values(resources).filter((r) => r.Type === 'AWS::DynamoDB::GlobalTable' || r.Type === 'AWS::DynamoDB::Table');
  const [table, ...more] = tables;
  if (!table || more.length) throw new Error(`Expected one DynamoDB table, found ${tables.length}`);
  const p = table.Properties;
  const keyOf = (schema: unknown, type: 'HASH' | 'RANGE', where: string) =>
    text(at(list(schema).find((k) => at(k, 'KeyType') === type), 'AttributeName'), `${where}: ${type} key`);
  if (at(p, 'TimeToLiveSpecification', 'Enabled') !== true) throw new Error('Table: time to live is not enabled');
  if (at(p, 'BillingMode') !== 'PAY_PER_REQUEST') throw new Error(`Table: billing ${JSON.stringify(at(p, 'BillingMode'))}`);
  const stream = at(p, 'StreamSpecification', 'StreamViewType');
  if (stream !== 'NEW_IMAGE' && stream !== 'NEW_AND_OLD_IMAGES') throw new Error(`Table: stream ${JSON.stringify(stream)}`);
  return {
    partitionKey: keyOf(at(p, 'KeySchema'), 'HASH', 'Table'),
    sortKey: keyOf(at(p, 'KeySchema'), 'RANGE', 'Table'),
    globalIndexes: list(at(p, 'GlobalSecondaryIndexes')).map((index) => {
      const name = text(at(index, 'IndexName'), 'Index');
      const type = at(index, 'Projection', 'ProjectionType');
      if (type !== 'ALL' && type !== 'KEYS_ONLY' && type !== 'INCLUDE') throw new Error(`Index ${name}: projection ${JSON.stringify(type)}`);
      const projection = describeProjection(type, list(at(index, 'Projection', 'NonKeyAttributes')).map((a) => text(a, `${name}: projected attribute`)));
      return { name, partitionKey: keyOf(at(index, 'KeySchema'), 'HASH', name), sortKey: keyOf(at(index, 'KeySchema'), 'RANGE', name), projection };
    }),
    stream,
    timeToLiveAttribute: text(at(p, 'TimeToLiveSpecification', 'AttributeName'), 'Table: time to live attribute'),
    billing: 'PAY_PER_REQUEST',
  };
}

/** The logical id in `{ Ref }`, `{ Fn::GetAtt: [id, …] }`, or the one such reference inside a Fn::Join. */
function referencedLogicalId(value: unknown): string | undefined {
  const ref = at(value, 'Ref');
  if (typeof ref === 'string') return ref;
  const getAtt = at(value, 'Fn::GetAtt', 0);
  if (typeof getAtt === 'string') return getAtt;
  const parts = at(value, 'Fn::Join', 1);
  if (Array.isArray(parts)) {
    const ids = parts.map(referencedLogicalId).filter((id): id is string => id !== undefined && !id.startsWith('AWS::'));
    return ids.length === 1 ? ids[0] : undefined;
  }
  return undefined;
}
