import { describe, expect, it } from 'vitest';
import { loadClientConfig } from '../../infra/config/client-config';
import { resourcesOfType, synthCached, type Resources } from './support/synth';

/** Properties that become physical names of account- or region-wide resources. */
const physicalNameProps = ['Name', 'TableName', 'FunctionName', 'RoleName', 'BucketName', 'QueueName', 'UserPoolName', 'LogGroupName', 'ScheduleGroupName', 'ConfigurationSetName', 'ApiName'];

/** Names unique only inside a container (rules per bus, schedules per group, authorizers per API). */
const scopedBy: Record<string, string> = { 'AWS::Events::Rule': 'EventBusName', 'AWS::Scheduler::Schedule': 'GroupName', 'AWS::ApiGatewayV2::Authorizer': 'ApiId' };

/** A literal name, or the Name of the resource a `{ Ref }` points at. */
const nameOf = (resources: Resources, value: unknown): string =>
  typeof value === 'string' ? value : String(resources[(value as { Ref: string }).Ref]?.Properties?.Name ?? JSON.stringify(value));

/** `Type/Name` of every resource with a literal physical name, scoped the way AWS scopes them. */
function physicalNames(resources: Resources): string[] {
  const names: string[] = [];
  for (const [, r] of Object.entries(resources)) {
    for (const prop of physicalNameProps) {
      const value = r.Properties?.[prop];
      if (typeof value !== 'string') continue;
      const scope = scopedBy[r.Type];
      const container = scope ? nameOf(resources, r.Properties?.[scope]) : '';
      names.push(`${r.Type}/${container}/${value}`);
    }
  }
  return names;
}

describe('two clients, two separate stacks', () => {
  const acme = synthCached('acme');
  const steppe = synthCached('steppe');
  const resourcesOf = (s: typeof acme) => (s.template.toJSON() as { Resources: Resources }).Resources;

  it('have different stack names', () => {
    expect(acme.stack.stackName).toBe('Crm-acme');
    expect(steppe.stack.stackName).toBe('Crm-steppe');
  });

  it('share no physical name: bus, schedule group and API names carry the client', () => {
    const a = physicalNames(resourcesOf(acme));
    const s = physicalNames(resourcesOf(steppe));
    expect(a.length).toBeGreaterThan(0);
    expect(a.filter((name) => s.includes(name))).toEqual([]);
    acme.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'crm-acme' });
    steppe.template.hasResourceProperties('AWS::Events::EventBus', { Name: 'crm-steppe' });
    acme.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'crm-acme' });
    steppe.template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: 'crm-steppe' });
  });

  it('leave the table, buckets, pools, queues and functions to CloudFormation-generated names', () => {
    for (const s of [acme, steppe]) {
      for (const [type, prop] of [
        ['AWS::DynamoDB::GlobalTable', 'TableName'],
        ['AWS::S3::Bucket', 'BucketName'],
        ['AWS::SQS::Queue', 'QueueName'],
        ['AWS::Lambda::Function', 'FunctionName'],
        ['AWS::Cognito::UserPool', 'UserPoolName'],
      ] as const) {
        for (const r of Object.values(resourcesOfType(s.template, type))) expect(r.Properties?.[prop], type).toBeUndefined();
      }
    }
  });

  it('reference nothing of each other', () => {
    const a = JSON.stringify(acme.template.toJSON());
    const s = JSON.stringify(steppe.template.toJSON());
    expect(a).not.toMatch(/steppe/i);
    expect(s).not.toMatch(/acme/i);
    expect(a).not.toContain('Fn::ImportValue');
    expect(s).not.toContain('Fn::ImportValue');
  });

  it('carry each client own settings', () => {
    const env = (s: typeof acme) =>
      Object.values(resourcesOfType(s.template, 'AWS::Lambda::Function')).find((r) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID)!.Properties!
        .Environment.Variables;
    for (const [name, s] of [['acme', acme], ['steppe', steppe]] as const) {
      const client = loadClientConfig(name);
      expect(env(s)).toMatchObject({ CLIENT_CURRENCY: client.currency, CLIENT_TIME_ZONE: client.timeZone, SENDER_EMAIL: client.senderEmail });
      s.template.hasResourceProperties('AWS::Cognito::UserPoolUser', { Username: client.adminEmail });
    }
  });
});
