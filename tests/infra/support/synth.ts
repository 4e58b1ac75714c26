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
  template: Template;
}

/**
 * Synthesizes one client's stack the way `cdk synth` does (same entry function, cdk-nag
 * attached), with bundling skipped unless asked for: esbuild for 17 functions is the slow part.
 */
export function synthClient(client: string, options: Partial<CrmAppOptions> & { bundle?: boolean; outdir?: string } = {}): Synthesized {
  const { bundle = false, outdir, ...rest } = options;
  const app = new App({
    ...(outdir ? { outdir } : {}),
    context: bundle ? {} : { 'aws:cdk:bundling-stacks': [] },
  });
  const stack = addCrmStack(app, { client, account: '111111111111', webDistDir: fakeWebDist(), ...rest });
  return { app, stack, template: Template.fromStack(stack) };
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
