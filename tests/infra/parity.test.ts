import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clientsDir, loadClientConfig } from '../../infra/config/client-config';
import { app } from '../../infra/definition/app';
import { describeDefinition } from '../../infra/definition/describe-definition';
import type { RuntimeDescription } from '../../infra/definition/runtime-description';
import { describeLocalRuntime } from '../../infra/local/describe-local-runtime';
import { describeTemplate, type TemplateJson } from '../../infra/stack/describe-template';
import { synthCached } from './support/synth';

/**
 * One definition, two runtimes: what the synthesized stack wires up, and what the local runtime
 * registers, must both equal what the app definition declares. Nothing here may skip or pass on
 * nothing: the local describer is imported (a moved file fails the run), every client file is
 * checked (none found fails), and the descriptions compared are not empty.
 */
const templateOf = (client: string) => synthCached(client).template.toJSON() as TemplateJson;

/** Every part of the app is present: two empty descriptions would be equal too. */
function expectWhole(description: RuntimeDescription): void {
  expect(description.routes).toHaveLength(app.routes.length);
  expect(description.rules).toHaveLength(app.rules.length);
  expect(description.schedules).toHaveLength(app.schedules.length);
  expect(description.oneTimeTargets).toHaveLength(new Set(app.oneTimeTargets.map((t) => t.function)).size);
  expect(description.streamConsumers).toHaveLength(app.streamConsumers.length);
  expect(description.table.globalIndexes).toHaveLength(app.table.globalIndexes.length);
}

const clients = readdirSync(clientsDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length));

describe('the app definition and the clients compared', () => {
  it('are there: every part of the app declared, the client files found', () => {
    for (const part of [app.routes, app.rules, app.schedules, app.streamConsumers, app.table.globalIndexes]) expect(part.length).toBeGreaterThan(0);
    expect(clients).toEqual(expect.arrayContaining(['acme', 'local', 'steppe']));
  });
});

describe.each(clients)('the %s stack', (client) => {
  it('wires up exactly the definition: routes, access, rules, schedules with their zone, stream consumers, table', () => {
    const description = describeTemplate(templateOf(client));
    expectWhole(description);
    expect(description).toEqual(describeDefinition(app, loadClientConfig(client)));
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

    // Scheduler's invoke role for one-time moments no longer reaching one of their targets (ADR 0012).
    const t5 = fresh();
    const invokes = (p: Record<string, any>) => JSON.stringify(p.PolicyDocument).includes('lambda:InvokeFunction') && (p.Roles as unknown[]).some((r) => JSON.stringify(r).includes('OneTimeTargetsInvokeRole'));
    find(t5, 'AWS::IAM::Policy', invokes).PolicyDocument.Statement.pop();
    expect(describeTemplate(t5)).not.toEqual(expected);
  });

  it('a stream filter that is not "INSERT/MODIFY of these entities" is refused', () => {
    const t = fresh();
    find(t, 'AWS::Lambda::EventSourceMapping', () => true).FilterCriteria.Filters[0].Pattern = JSON.stringify({ dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } });
    expect(() => describeTemplate(t)).toThrow(/not "INSERT\/MODIFY of these entities"/);
    const removals = fresh();
    find(removals, 'AWS::Lambda::EventSourceMapping', () => true).FilterCriteria.Filters[0].Pattern = JSON.stringify({ eventName: ['REMOVE'], dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } });
    expect(() => describeTemplate(removals)).toThrow(/not "INSERT\/MODIFY of these entities"/);
  });
});

/**
 * The local half: infra/local/describe-local-runtime.ts (written with the local runtime)
 * describes what the local server, bus, scheduler, stream poller and table creation registered.
 */
describe('the local runtime', () => {
  it('registers exactly the definition, as the stack does', () => {
    const client = loadClientConfig('local');
    const description = describeLocalRuntime(app, client);
    expectWhole(description);
    expect(description).toEqual(describeDefinition(app, client));
    // And the cloud stack synthesized for the same client config describes the very same thing.
    expect(describeTemplate(templateOf('local'))).toEqual(description);
  });
});
