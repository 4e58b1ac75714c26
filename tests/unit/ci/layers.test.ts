import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseOptions } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules (ADR 0019) catch what they are for: small offending files, linted in memory at a
 * path inside the repo with the repo's own configuration, each get the error, and the allowed
 * neighbour of each gets none, so a rule that silently stops matching (a renamed folder, a broken
 * resolver) fails here instead of letting the layers rot.
 */
// Spelt exactly as process.cwd() (no trailing slash): eslint-import-resolver-typescript rebuilds itself without its tsconfig projects, so without the @shared alias, when ESLint's cwd is spelt otherwise.
const root = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The messages of the layer rules for `code` as if it were the file at `filePath`. */
async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return result!.messages
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-properties')
    .map((m) => m.message);
}

const importOf = (specifier: string) => `import * as probe from '${specifier}';\nexport const used = probe;\n`;

describe('layer rules (eslint.config.js, eslint/layers.js)', { timeout: 60_000 }, () => {
  it('forbid functions/ to import infra/', async () => {
    expect(await layerErrors('functions/probe/probe.ts', importOf('../../infra/definition/types'))).toEqual([expect.stringContaining('never infra/')]);
    expect(await layerErrors('functions/probe/probe.ts', importOf('../../shared/domain/common/errors'))).toEqual([]);
  });

  it('forbid the domain to import data access, services, adapters, configuration or the AWS SDK', async () => {
    for (const specifier of ['../../data/dynamo-client', '../../services/merge-service', '../../adapters/email-sender', '../../config/runtime-env', '@aws-sdk/lib-dynamodb', '@aws-lambda-powertools/logger']) {
      expect(await layerErrors('shared/domain/probe/probe.ts', importOf(specifier)), specifier).toEqual([expect.stringContaining('The domain and its contracts are pure')]);
    }
    expect(await layerErrors('shared/domain/probe/probe.ts', importOf('../common/errors'))).toEqual([]);
  });

  it('forbid the AWS SDK outside shared/data and shared/adapters', async () => {
    for (const file of ['functions/probe/probe.ts', 'shared/services/probe.ts']) {
      expect(await layerErrors(file, importOf('@aws-sdk/lib-dynamodb')), file).toEqual([expect.stringContaining('Call AWS through shared/data')]);
    }
    for (const file of ['shared/data/probe.ts', 'shared/adapters/probe.ts', 'infra/probe/probe.ts', 'tests/probe.ts']) {
      expect(await layerErrors(file, importOf('@aws-sdk/lib-dynamodb')), file).toEqual([]);
    }
  });

  it('forbid shared/ to import the handlers, the infrastructure or the web', async () => {
    expect(await layerErrors('shared/services/probe.ts', importOf('../../functions/http/responses'))).toEqual([expect.stringContaining('shared/ is below')]);
    expect(await layerErrors('shared/data/probe.ts', importOf('../services/merge-service'))).toEqual([expect.stringContaining('below the services')]);
  });

  it('forbid web/ to import functions/, infra/ or the server side of shared/', async () => {
    const file = 'web/src/features/deals/Probe.tsx';
    for (const specifier of ['../../../../functions/http/responses', '../../../../infra/definition/types', '@shared/data/keys', '@shared/services/merge-service', '@shared/adapters/file-keys', '@shared/config/runtime-env']) {
      expect(await layerErrors(file, importOf(specifier)), specifier).toEqual([expect.stringContaining('The web shares only the pure part')]);
    }
    // The alias resolves: the pure part is allowed, so the errors above are the rule's, not an unresolved import's.
    expect(await layerErrors(file, importOf('@shared/domain/common/errors'))).toEqual([]);
  });

  it('forbid a web feature to import another feature but through its public entry, and the web\'s shared folders to import any feature', async () => {
    expect(await layerErrors('web/src/features/deals/Probe.tsx', importOf('../cases/case-paths'))).toEqual([expect.stringContaining("A feature imports no other feature's files")]);
    expect(await layerErrors('web/src/features/accounts/Probe.tsx', importOf('../cases/AccountCases'))).toEqual([expect.stringContaining("A feature imports no other feature's files")]);
    expect(await layerErrors('web/src/features/accounts/Probe.tsx', importOf('../cases'))).toEqual([]);
    expect(await layerErrors('web/src/features/deals/Probe.tsx', importOf('./deal-api'))).toEqual([]);
    expect(await layerErrors('web/src/features/deals/Probe.tsx', importOf('../../records/records-http'))).toEqual([]);
    expect(await layerErrors('web/src/ui/Probe.tsx', importOf('../features/deals/deal-api'))).toEqual([expect.stringContaining("shared folders may not import a feature")]);
    expect(await layerErrors('web/src/app/Probe.tsx', importOf('../features/deals/deal-api'))).toEqual([]);
  });

  it('forbid process.env outside shared/config in the app\'s code', async () => {
    const read = 'export const origins = process.env.ALLOWED_FORM_ORIGINS;\n';
    for (const file of ['functions/forms/probe.ts', 'shared/adapters/probe.ts', 'web/src/probe.ts']) {
      expect(await layerErrors(file, read), file).toEqual([expect.stringContaining('shared/config/runtime-env.ts')]);
    }
    expect(await layerErrors('functions/forms/probe.ts', 'const { env } = process;\nexport const origins = env.X;\n')).toEqual([expect.stringContaining('shared/config/runtime-env.ts')]);
    for (const file of ['shared/config/probe.ts', 'infra/probe/probe.ts', 'scripts/probe.ts']) {
      expect(await layerErrors(file, read), file).toEqual([]);
    }
  });
});

describe('cycle rule (.dependency-cruiser.cjs)', { timeout: 60_000 }, () => {
  it('fails on a cycle, even through type-only imports', async () => {
    const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as { forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden']; options: ICruiseOptions };
    const dir = await mkdtemp(join(tmpdir(), 'crm-cycle-'));
    try {
      await writeFile(join(dir, 'fields.ts'), "import { normalise } from './mapping';\nexport interface Field { key: string }\nexport const key = normalise('Key');\n");
      await writeFile(join(dir, 'mapping.ts'), "import type { Field } from './fields';\nexport const normalise = (s: string) => s.toLowerCase();\nexport const keyOf = (f: Field) => f.key;\n");
      await writeFile(join(dir, 'alone.ts'), "import { normalise } from './mapping';\nexport const a = normalise('A');\n");
      const result = await cruise([dir], { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true });
      const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
      expect(output.summary.violations.map((v) => v.rule.name)).toEqual(['no-circular']);
      expect(output.summary.violations.every((v) => /(fields|mapping)\.ts$/.test(v.from) && /(fields|mapping)\.ts$/.test(v.to))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
