import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { app } from '../infra/definition/app';
import { bundling } from '../infra/definition/bundling';

/** Bundles every function exactly as the stack does, and times its module init in a fresh Node process. */
export interface BundleFigures {
  id: string;
  bytes: number;
  initMs: number;
}

/** esbuild's options as the stack bundles a function (infra/definition/bundling.ts): the one place the bench says it. */
export const asTheStackBundles = {
  bundle: true,
  platform: 'node',
  target: bundling.target,
  format: bundling.format,
  minify: bundling.minify,
  external: [...bundling.externalModules],
  banner: { js: bundling.banner },
  logLevel: 'silent',
} as const satisfies BuildOptions;

export async function measureBundles(root: string): Promise<BundleFigures[]> {
  // Inside the repo, so the bundles' external imports (the SDK) resolve from its node_modules.
  const out = join(root, '.bench', 'bundles');
  mkdirSync(out, { recursive: true });
  const figures: BundleFigures[] = [];
  for (const fn of app.functions) {
    const outfile = join(out, `${fn.id}.mjs`);
    await build({ ...asTheStackBundles, entryPoints: [resolve(root, fn.entry)], outfile });
    figures.push({ id: fn.id, bytes: statSync(outfile).size, initMs: initTime(outfile, root) });
  }
  return figures;
}

/** Median of 5 cold imports, each in its own process, as a Lambda cold start would do it. */
export function initTime(bundle: string, root: string): number {
  const probe = join(bundle + '.probe.mjs');
  writeFileSync(
    probe,
    `const t = process.hrtime.bigint(); await import(${JSON.stringify(bundle)}); console.log(Number(process.hrtime.bigint() - t) / 1e6);`,
  );
  const env = { ...process.env, TABLE_NAME: 'bench', EVENT_BUS_NAME: 'bench', AWS_REGION: 'eu-central-1', AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1' };
  const runs = Array.from({ length: 5 }, () => {
    const result = spawnSync(process.execPath, [probe], { cwd: root, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`Importing ${bundle} failed:\n${result.stderr}`);
    return Number(result.stdout.trim().split('\n').pop());
  }).sort((a, b) => a - b);
  return Math.round(runs[2]! * 10) / 10;
}
