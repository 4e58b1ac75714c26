import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { synthCached } from './support/synth';

/**
 * The functions the definition runs after a deploy (the data migrations, ADR 0024): a CDK trigger
 * each, in the function stack, on the function's current version (so a deploy that changes its
 * code — a new migration — runs it again), invoked asynchronously, after every other function.
 */
describe('after deploy', () => {
  const { stack } = synthCached('acme');
  const resources = (Template.fromStack(stack.functionStack).toJSON() as { Resources: Record<string, { Type: string; DependsOn?: string[]; Properties?: Record<string, unknown> }> }).Resources;
  const triggers = Object.entries(resources).filter(([, r]) => r.Type === 'Custom::Trigger');

  it('runs run-migrations, and only what the definition lists', () => {
    expect(app.afterDeploy).toEqual(['run-migrations']);
    expect(triggers).toHaveLength(app.afterDeploy!.length);
  });

  it('invokes the current version asynchronously, again whenever it changes', () => {
    const [, trigger] = triggers[0]!;
    expect(trigger.Properties).toMatchObject({ InvocationType: 'Event', ExecuteOnHandlerChange: true });
    const version = (trigger.Properties!.HandlerArn as { Ref: string }).Ref;
    expect(resources[version]?.Type).toBe('AWS::Lambda::Version');
  });

  it('waits for every other function of the app', () => {
    const [, trigger] = triggers[0]!;
    const functionIds = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function' && (r.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables?.CRM_FUNCTION_ID);
    const others = functionIds.filter(([, r]) => (r.Properties!.Environment as { Variables: Record<string, unknown> }).Variables.CRM_FUNCTION_ID !== 'run-migrations').map(([id]) => id);
    expect(others).toHaveLength(app.functions.length - 1);
    for (const id of others) expect(trigger.DependsOn).toContain(id);
  });
});
