import { globalIndexes, retiredIndexes, type IndexName } from '../../shared/data/table-schema';
import type { IndexDef } from './types';

/**
 * Moving a table's global indexes to the definition's, one index per step: DynamoDB (and so
 * CloudFormation) creates or deletes one global index per table update, and a projection cannot
 * change in place. Every new index is built before any old one is deleted, so each list always
 * has an index to read; docs/deploy.md ("Index changes") runs these steps, `npm start` runs them
 * on an old local data folder.
 */
export type IndexStep = { readonly create: IndexDef } | { readonly delete: string };

/** The next step from the indexes a table has (by DynamoDB name) toward `target`; none when there. */
export function nextIndexStep(present: readonly string[], target: readonly IndexDef[]): IndexStep | undefined {
  const missing = target.find((index) => !present.includes(index.name));
  if (missing) return { create: missing };
  const extra = present.find((name) => !target.some((index) => index.name === name));
  return extra ? { delete: extra } : undefined;
}

/** The indexes a table has after a step, as the table definition declares them. */
export function indexesAfter(present: readonly string[], target: readonly IndexDef[], step: IndexStep | undefined): IndexDef[] {
  const described = present.map((name) => target.find((index) => index.name === name) ?? retiredIndexDef(name));
  if (!step) return described;
  return 'create' in step ? [...described, step.create] : described.filter((index) => index.name !== step.delete);
}

/**
 * `TABLE_INDEXES` for functions running against a table that holds `built` (indexes ready before
 * this step): each code index the current DynamoDB index serves once it is built, its retired
 * one until then. `{}` once the table is current.
 */
export function servingIndexes(built: readonly string[]): Partial<Record<IndexName, string>> {
  const serving: Partial<Record<IndexName, string>> = {};
  for (const index of globalIndexes) {
    if (built.includes(index.indexName)) continue;
    const retired = retiredIndexes.find((r) => r.name === index.name && built.includes(r.indexName));
    if (retired) serving[index.name] = retired.indexName;
  }
  return serving;
}

function retiredIndexDef(name: string): IndexDef {
  const retired = retiredIndexes.find((index) => index.indexName === name);
  if (!retired) throw new Error(`The table has an index "${name}" that neither this release nor an earlier one declares`);
  const keys = globalIndexes.find((index) => index.name === retired.name)!;
  return { name, partitionKey: keys.partitionKey, sortKey: keys.sortKey, projection: retired.projection };
}
