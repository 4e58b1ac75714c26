import { NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { synthCached } from './support/synth';

/**
 * CloudFormation refuses a stack of more than 500 resources. Each stack, the parent and every
 * nested one, stays at or under 450 so that the next waves of routes, functions and rules have
 * room (ADR 0022); the counts are printed so that a change shows what it costs.
 */
export const stackResourceLimit = 450;

const { stack } = synthCached('acme');

/** The client stack and every nested stack under it, with their resource counts. */
const stackCounts = (): { path: string; resources: number }[] =>
  stack.node
    .findAll()
    .filter((c): c is Stack => Stack.isStack(c))
    .map((s) => ({
      path: s === stack ? s.stackName : s.node.path,
      resources: Object.keys((Template.fromStack(s).toJSON() as { Resources?: Record<string, unknown> }).Resources ?? {}).length,
    }));

describe('stack size', () => {
  const counts = stackCounts();

  it('counts the parent stack and every nested stack', () => {
    expect(counts[0]!.path).toBe('Crm-acme');
    const nested = stack.node.findAll().filter((c) => c instanceof NestedStack);
    expect(counts).toHaveLength(1 + nested.length);
    expect(nested.length).toBeGreaterThan(0);
  });

  it('keeps the app functions, their roles and log groups in the function stack, not the parent (ADR 0022)', () => {
    const typesIn = (s: Stack) => Object.values((Template.fromStack(s).toJSON() as { Resources: Record<string, { Type: string }> }).Resources).map((r) => r.Type);
    const countOf = (types: string[], type: string) => types.filter((t) => t === type).length;
    const parent = typesIn(stack);
    const functions = typesIn(stack.functionStack);
    // Beside the app's functions, CDK's provider of the after-deploy trigger (the data migrations, ADR 0024).
    expect(countOf(functions, 'AWS::Lambda::Function')).toBe(app.functions.length + ((app.afterDeploy ?? []).length > 0 ? 1 : 0));
    // One role per function; beside them the one Scheduler invokes one-time moments' targets with (ADR 0012).
    const roles = Object.entries((Template.fromStack(stack.functionStack).toJSON() as { Resources: Record<string, { Type: string }> }).Resources).filter(([, r]) => r.Type === 'AWS::IAM::Role').map(([id]) => id);
    expect(roles.filter((id) => id.startsWith('Functions')).length).toBe(app.functions.length);
    expect(roles.filter((id) => id.startsWith('OneTimeTargetsInvokeRole'))).toHaveLength(1);
    expect(countOf(functions, 'AWS::Logs::LogGroup')).toBe(app.functions.length);
    // Left in the parent: only the web deployment's own CDK handler.
    expect(countOf(parent, 'AWS::Lambda::Function')).toBe(1);
  });

  it(`keeps every stack at or under ${stackResourceLimit} resources`, () => {
    for (const { path, resources } of counts) console.info(`stack size: ${path} has ${resources} resources (limit ${stackResourceLimit})`);
    const over = counts.filter((c) => c.resources > stackResourceLimit);
    expect(over, over.map((c) => `${c.path}: ${c.resources} > ${stackResourceLimit}`).join('; ')).toEqual([]);
  });
});
