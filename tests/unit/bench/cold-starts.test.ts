import { describe, expect, it } from 'vitest';
import { callShares, coldCallShare, layouts } from '../../../bench/cold-starts';

const workload = { users: 10, callsPerUserDay: 400, workingHours: 8 };

describe('the cold-call model', () => {
  it('gives each named function its weight and splits the rest among the others', () => {
    const shares = callShares(['contacts', 'leads', 'teams', 'audit']);
    expect(shares.contacts).toBeCloseTo(0.18);
    expect(shares.teams).toBeCloseTo(shares.audit!);
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
  });

  it('is exp(-λT) per function, weighted by its calls', () => {
    const λ = 4000 / (8 * 3600);
    const { coldCallShare: share, coldMsPerCall } = coldCallShare({ a: ['a'], b: ['b'] }, { a: 0.9, b: 0.1 }, { a: 100, b: 200 }, 10, workload);
    const expected = 0.9 * Math.exp(-λ * 0.9 * 600) + 0.1 * Math.exp(-λ * 0.1 * 600);
    expect(share).toBeCloseTo(expected, 10);
    expect(coldMsPerCall).toBeCloseTo(0.9 * Math.exp(-λ * 0.9 * 600) * 100 + 0.1 * Math.exp(-λ * 0.1 * 600) * 200, 8);
  });

  it('drops as functions are merged and as instances stay warm longer', () => {
    const fns = ['contacts', 'accounts', 'deals', 'leads', 'teams', 'audit', 'imports'];
    const shares = callShares(fns);
    const all = layouts(fns, ['contacts', 'accounts', 'deals', 'leads']);
    const [perResource, records, one] = Object.values(all).map((groups) => coldCallShare(groups, shares, {}, 10, workload).coldCallShare);
    expect(perResource!).toBeGreaterThan(records!);
    expect(records!).toBeGreaterThan(one!);
    expect(coldCallShare(all['a function per resource (today)']!, shares, {}, 15, workload).coldCallShare).toBeLessThan(perResource!);
  });
});
