import { describe, expect, it } from 'vitest';
import { loadClientConfig } from '../../../infra/config/client-config';
import { app } from '../../../infra/definition/app';
import { describeDefinition } from '../../../infra/definition/describe-definition';
import { describeLocalRuntime, runtimeDescriptionOf } from '../../../infra/local/describe-local-runtime';
import { createTableInput, timeToLiveInput } from '../../../infra/local/table';

/** The local runtime describes what its parts registered, in the RuntimeDescription order. */
describe('describeLocalRuntime', () => {
  it.each(['local', 'acme', 'steppe'])('registers exactly the app definition for client %s, zones resolved', (name) => {
    const client = loadClientConfig(name);
    const description = describeLocalRuntime(app, client);
    expect(description).toEqual(describeDefinition(app, client));
    expect(description.schedules.find((s) => s.id === 'new-leads-morning-digest')?.timeZone).toBe(client.timeZone);
  });

  it('notices a part that registered something else', () => {
    const client = loadClientConfig('local');
    const registrations = {
      routes: app.routes,
      rules: app.rules,
      schedules: app.schedules.map((s) => ({ ...s, zone: client.timeZone })),
      oneTimeTargets: app.oneTimeTargets.map((t) => t.function),
      consumers: app.streamConsumers,
      createTable: createTableInput('crm-local', app.table),
      timeToLive: timeToLiveInput('crm-local', app.table),
    };
    const expected = describeDefinition(app, client);
    expect(runtimeDescriptionOf(registrations)).toEqual(expected);
    expect(runtimeDescriptionOf({ ...registrations, routes: app.routes.slice(1) })).not.toEqual(expected);
    expect(runtimeDescriptionOf({ ...registrations, schedules: registrations.schedules.map((s) => ({ ...s, zone: 'UTC' })) })).not.toEqual(expected);
    expect(runtimeDescriptionOf({ ...registrations, oneTimeTargets: registrations.oneTimeTargets.slice(1) })).not.toEqual(expected);
    const table = createTableInput('crm-local', app.table);
    expect(runtimeDescriptionOf({ ...registrations, createTable: { ...table, GlobalSecondaryIndexes: table.GlobalSecondaryIndexes!.slice(1) } })).not.toEqual(expected);
  });
});
