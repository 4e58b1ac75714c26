import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadClientConfig } from '../../infra/config/client-config';
import { app } from '../../infra/definition/app';
import { describeDefinition } from '../../infra/definition/describe-definition';
import { describeTemplate, type TemplateJson } from '../../infra/stack/describe-template';
import { repoRoot } from '../../infra/stack/repo-root';
import { synthCached } from './support/synth';

/**
 * One definition, two runtimes: what the synthesized stack wires up, and what the local runtime
 * registers, must both equal what the app definition declares.
 */
const templateOf = (client: string) => synthCached(client).template.toJSON() as TemplateJson;

describe.each(['acme', 'steppe'])('the %s stack', (client) => {
  it('wires up exactly the definition: routes, access, rules, schedules with their zone, stream consumers, table', () => {
    expect(describeTemplate(templateOf(client))).toEqual(describeDefinition(app, loadClientConfig(client)));
  });
});

describe('describeTemplate notices drift', () => {
  const fresh = () => structuredClone(templateOf('acme')) as { Resources: Record<string, { Type: string; Properties: Record<string, any> }> };
  const expected = describeDefinition(app, loadClientConfig('acme'));
  const find = (t: ReturnType<typeof fresh>, type: string, match: (p: Record<string, any>) => boolean) =>
    Object.values(t.Resources).find((r) => r.Type === type && match(r.Properties))!.Properties;

  it('a signed-in route left without its authorizer reads as public', () => {
    const t = fresh();
    const route = find(t, 'AWS::ApiGatewayV2::Route', (p) => p.RouteKey === 'GET /api/leads');
    route.AuthorizationType = 'NONE';
    delete route.AuthorizerId;
    expect(describeTemplate(t)).not.toEqual(expected);
    expect(describeTemplate(t).routes).toContainEqual({ method: 'GET', path: '/api/leads', function: 'leads', access: 'public' });
  });

  it('a route pointed at another function, a changed pattern or zone, a missing index all differ', () => {
    const t = fresh();
    const getLead = find(t, 'AWS::ApiGatewayV2::Route', (p) => p.RouteKey === 'GET /api/leads/{leadId}');
    const listForms = find(t, 'AWS::ApiGatewayV2::Route', (p) => p.RouteKey === 'GET /api/forms');
    getLead.Target = listForms.Target;
    expect(describeTemplate(t)).not.toEqual(expected);

    const t2 = fresh();
    find(t2, 'AWS::Events::Rule', () => true).EventPattern = { source: ['crm.leads'] };
    expect(describeTemplate(t2)).not.toEqual(expected);

    const t3 = fresh();
    find(t3, 'AWS::Scheduler::Schedule', () => true).ScheduleExpressionTimezone = 'UTC';
    expect(describeTemplate(t3)).not.toEqual(expected);

    const t4 = fresh();
    find(t4, 'AWS::DynamoDB::GlobalTable', () => true).GlobalSecondaryIndexes.pop();
    expect(describeTemplate(t4)).not.toEqual(expected);
  });

  it('a stream filter that is not "INSERT of one entity" is refused', () => {
    const t = fresh();
    find(t, 'AWS::Lambda::EventSourceMapping', () => true).FilterCriteria.Filters[0].Pattern = JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } });
    expect(() => describeTemplate(t)).toThrow(/not "INSERT of one entity"/);
  });
});

/**
 * The local half: infra/local/describe-local-runtime.ts (written with the local runtime)
 * describes what the local server, bus, scheduler, stream poller and table creation registered.
 */
const localModule = join(repoRoot, 'infra', 'local', 'describe-local-runtime.ts');

describe('the local runtime', () => {
  it.skipIf(!existsSync(localModule))('registers exactly the definition, as the stack does', async () => {
    const local = (await import(pathToFileURL(localModule).href)) as Record<string, unknown>;
    const describeLocal = Object.entries(local).find(([name, value]) => /^describe/i.test(name) && typeof value === 'function')?.[1] as
      | ((...args: unknown[]) => unknown)
      | undefined;
    expect(describeLocal, 'describe-local-runtime.ts exports a describe… function').toBeTypeOf('function');
    const client = loadClientConfig('local');
    const description = await describeLocal!(app, client);
    expect(description).toEqual(describeDefinition(app, client));
    // And the cloud stack synthesized for the same client config describes the very same thing.
    expect(describeTemplate(templateOf('local'))).toEqual(description);
  });
});
