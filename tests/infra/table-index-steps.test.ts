import { describe, expect, it } from 'vitest';
import { tableIndexesContext } from '../../infra/stack/crm-stack';
import { globalIndexes, retiredIndexes } from '../../shared/data/table-schema';
import { resourcesOfType, synthClient } from './support/synth';

/**
 * A deployed table of the previous release (indexes gsi1…gsi5 projecting whole items) is moved
 * one index per deploy (docs/deploy.md, "Index changes"): `npm run deploy` passes the indexes it
 * has as the context value `tableIndexes`.
 */
describe('a deploy onto a table with the previous release’s indexes', () => {
  const old = retiredIndexes.map((i) => i.indexName);
  const { template } = synthClient('acme', { context: { [tableIndexesContext]: old.join(',') } });
  const table = Object.values(resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'))[0]!;
  const indexNames = (table.Properties!.GlobalSecondaryIndexes as { IndexName: string }[]).map((i) => i.IndexName);

  it('keeps every old index and builds one new one', () => {
    expect(indexNames).toEqual([...old, globalIndexes[0].indexName]);
  });

  it('has the functions read the old indexes until the new ones are built, and lets them use all of them', () => {
    for (const fn of Object.values(resourcesOfType(template, 'AWS::Lambda::Function'))) {
      const vars = fn.Properties!.Environment?.Variables as Record<string, unknown> | undefined;
      if (!vars?.TABLE_NAME) continue;
      expect(JSON.parse(String(vars.TABLE_INDEXES))).toEqual({ gsi1: 'gsi1', gsi2: 'gsi2', gsi3: 'gsi3', gsi4: 'gsi4', gsi5: 'gsi5' });
    }
    const policies = JSON.stringify(resourcesOfType(template, 'AWS::IAM::Policy'));
    for (const name of indexNames) expect(policies).toContain(`/index/${name}`);
  });
});
