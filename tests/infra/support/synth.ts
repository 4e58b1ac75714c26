import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addCrmStack, type CrmAppOptions } from '../../../infra/stack/crm-app';
import type { CrmStack } from '../../../infra/stack/crm-stack';

let webDist: string | undefined;

/** A stand-in for `web/dist` (one per test process), so that infra tests do not depend on the web build. */
export function fakeWebDist(): string {
  if (webDist) return webDist;
  const dir = mkdtempSync(join(tmpdir(), 'crm-web-dist-'));
  webDist = dir;
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CRM</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("crm")');
  return dir;
}

export interface Synthesized {
  app: App;
  stack: CrmStack;
  /** The parent stack with its function stack folded in (see `withFunctionStack`). */
  template: Template;
}

type Json = { Resources: Record<string, Record<string, unknown>>; Outputs?: Record<string, { Value: unknown }>; [key: string]: unknown };

/** `value` with every node `replace` answers for replaced, deeply. */
const substitute = (value: unknown, replace: (node: Record<string, unknown>) => unknown): unknown => {
  if (Array.isArray(value)) return value.map((v) => substitute(v, replace));
  if (value === null || typeof value !== 'object') return value;
  const replaced = replace(value as Record<string, unknown>);
  if (replaced !== undefined) return replaced;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, replace)]));
};

/**
 * The client stack as one template: the function stack's resources (ADR 0022) join the parent's,
 * its parameters replaced by what the parent passes and the parent's reads of its outputs by the
 * outputs' values. The stack tests then assert on functions, roles and policies, and on what
 * points at them, exactly as when they lived in the parent; only the nesting is undone.
 */
export function withFunctionStack(stack: CrmStack): Template {
  const parent = Template.fromStack(stack).toJSON() as Json;
  const nested = Template.fromStack(stack.functionStack).toJSON() as Json;
  const nestedId = stack.getLogicalId(stack.functionStack.nestedStackResource!);
  const parameters = (parent.Resources[nestedId]?.Properties as { Parameters?: Record<string, unknown> } | undefined)?.Parameters ?? {};
  const outputs = nested.Outputs ?? {};
  const fromParent = (node: Record<string, unknown>) => {
    const ref = node.Ref;
    return typeof ref === 'string' && ref in parameters ? parameters[ref] : undefined;
  };
  const fromNested = (node: Record<string, unknown>) => {
    const getAtt = node['Fn::GetAtt'];
    if (!Array.isArray(getAtt) || getAtt[0] !== nestedId || typeof getAtt[1] !== 'string' || !getAtt[1].startsWith('Outputs.')) return undefined;
    const output = outputs[getAtt[1].slice('Outputs.'.length)];
    if (!output) throw new Error(`The function stack has no output ${getAtt[1]}`);
    return output.Value;
  };
  const resources = substitute(parent.Resources, fromNested) as Json['Resources'];
  for (const [id, resource] of Object.entries(substitute(nested.Resources, fromParent) as Json['Resources'])) {
    if (id in resources) throw new Error(`Logical id ${id} is in both the parent and the function stack`);
    resources[id] = resource;
  }
  return Template.fromJSON({ ...parent, Resources: resources, Outputs: substitute(parent.Outputs ?? {}, fromNested) });
}

/**
 * Synthesizes one client's stack the way `cdk synth` does (same entry function, cdk-nag
 * attached), with bundling skipped unless asked for: esbuild for 17 functions is the slow part.
 */
export function synthClient(client: string, options: Partial<CrmAppOptions> & { bundle?: boolean; outdir?: string; context?: Record<string, string> } = {}): Synthesized {
  const { bundle = false, outdir, context = {}, ...rest } = options;
  const app = new App({
    ...(outdir ? { outdir } : {}),
    context: { ...context, ...(bundle ? {} : { 'aws:cdk:bundling-stacks': [] }) },
  });
  const stack = addCrmStack(app, { client, account: '111111111111', webDistDir: fakeWebDist(), ...rest });
  return { app, stack, template: withFunctionStack(stack) };
}

const cache = new Map<string, Synthesized>();

/** One bundling-skipped synthesis per client and test file. */
export function synthCached(client: string): Synthesized {
  let result = cache.get(client);
  if (!result) {
    result = synthClient(client);
    cache.set(client, result);
  }
  return result;
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, any>; [key: string]: unknown }>;

export const resourcesOfType = (template: Template, type: string): Resources => template.findResources(type) as Resources;
