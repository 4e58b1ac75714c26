import { describe, expect, it } from 'vitest';
import { app } from '../../../infra/definition/app';
import { indexesAfter, nextIndexStep, servingIndexes } from '../../../infra/definition/table-indexes';
import { retiredIndexes } from '../../../shared/data/table-schema';

const target = app.table.globalIndexes;
const current = target.map((i) => i.name);
const old = retiredIndexes.map((i) => i.indexName);

/** Every step from `present` to the definition's indexes, as a deploy (or `npm start`) takes them. */
function walk(present: string[]): { steps: string[]; states: string[][] } {
  const steps: string[] = [];
  const states = [present];
  for (let step = nextIndexStep(present, target); step; step = nextIndexStep(present, target)) {
    steps.push('create' in step ? `+${step.create.name}` : `-${step.delete}`);
    present = indexesAfter(present, target, step).map((i) => i.name);
    states.push(present);
    if (steps.length > 20) throw new Error('does not converge');
  }
  return { steps, states };
}

describe('moving a table to this release’s indexes', () => {
  it('builds every new index before deleting any old one, one change per step', () => {
    const { steps, states } = walk(old);
    expect(steps).toEqual([...current.map((n) => `+${n}`), ...old.map((n) => `-${n}`)]);
    // Each state serves every code index: from its new index once built, else from its old one.
    for (const state of states) {
      const serving = servingIndexes(state);
      for (const index of ['gsi1', 'gsi2', 'gsi3', 'gsi4', 'gsi5'] as const) {
        const name = serving[index] ?? target.find((i) => i.name.startsWith(`${index}-`))!.name;
        expect(state, `${index} in ${state.join(',')}`).toContain(name);
      }
    }
    expect(servingIndexes(states.at(-1)!)).toEqual({});
  });

  it('takes no step on a current table, and builds what is missing on a table between releases', () => {
    expect(nextIndexStep(current, target)).toBeUndefined();
    expect(walk([...old, current[0]!]).steps).toHaveLength(current.length - 1 + old.length);
    expect(servingIndexes([...old, current[0]!])).toEqual({ gsi2: 'gsi2', gsi3: 'gsi3', gsi4: 'gsi4', gsi5: 'gsi5' });
  });

  it('refuses an index no release declares rather than delete it', () => {
    expect(() => indexesAfter(['mystery'], target, undefined)).toThrow('"mystery"');
  });
});
