import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { app } from '../../infra/definition/app';
import { resourcesOfType, synthClient } from './support/synth';

/**
 * The one test that bundles for real (esbuild, no Docker): every handler in the definition
 * becomes a minified ESM bundle with its source map. The other infra tests skip bundling.
 */
describe('bundling', () => {
  it('bundles every function as minified ESM with a source map', { timeout: 300_000 }, () => {
    const outdir = mkdtempSync(join(tmpdir(), 'crm-cdk-bundled-'));
    const { template } = synthClient('acme', { bundle: true, outdir });
    const functions = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).filter((r) => r.Properties?.Environment?.Variables?.CRM_FUNCTION_ID);
    expect(functions).toHaveLength(app.functions.length);

    for (const fn of functions) {
      const id = fn.Properties!.Environment.Variables.CRM_FUNCTION_ID as string;
      const assetDir = join(outdir, `asset.${String(fn.Properties!.Code.S3Key).replace(/\.zip$/, '')}`);
      const bundle = join(assetDir, 'index.mjs');
      expect(existsSync(bundle), `${id}: ${bundle}`).toBe(true);
      expect(existsSync(`${bundle}.map`), `${id}: source map`).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      expect(code, id).toMatch(/\bexport\s*\{/); // ESM: the handler is an export, not module.exports
      // Minified: long lines (template literals keep a few newlines, so no line count).
      expect(code.length / code.split('\n').length, `${id}: minified`).toBeGreaterThan(500);
      expect(code, `${id}: AWS SDK v3 comes from the runtime`).not.toContain('@aws-sdk/client-dynamodb/package.json');
      // The budget is for API functions (a request waits on their cold start). The import and export
      // runners carry the spreadsheet library (exceljs) and run in the background; they get room.
      const serves = app.routes.some((r) => r.function === id);
      expect(statSync(bundle).size, `${id}: ARCHITECTURE.md budget`).toBeLessThanOrEqual(serves ? 300 * 1024 : 3 * 1024 * 1024);
    }
  });
});
