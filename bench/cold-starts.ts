import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { app } from '../infra/definition/app';
import { asTheStackBundles, initTime } from './bundles';

/**
 * The share of API calls that land on a cold function (issue 14 §5, ADR 0023), modelled for the
 * reference company from the function layout and the measured init of each bundle.
 *
 * Model: the day's calls arrive as a Poisson process spread evenly over the working day; a
 * function's calls are its share of them; an instance stays warm `keepWarmMinutes` after its last
 * call (AWS documents no figure; measured at a fixed 10 minutes since 2019,
 * https://mikhail.io/2019/08/aws-lambda-cold-starts-after-10-minutes/ — 5 and 15 are shown too), so a
 * call is cold when no call reached its function in the preceding window: P(cold) = exp(-λ_f · T).
 * Concurrency is ignored (at 0.14 calls a second one instance serves all), and so is the clustering of
 * a page load's calls (which makes the real share lower for the later calls of a page).
 */
export interface Workload {
  users: number;
  callsPerUserDay: number;
  workingHours: number;
}
export const referenceWorkload: Workload = { users: 10, callsPerUserDay: 400, workingHours: 8 };

/**
 * Which share of the calls each API function serves: the record types carry the 60 % reads, 30 % list
 * pages and 10 % writes of the reference mix (weights by how often a sales team opens each), search and
 * the session a little; every other API function (settings, imports, exports, portal…) shares 2 %.
 * An assumption, stated in ADR 0023; a real client's access logs would replace it.
 */
export const callWeights: Record<string, number> = {
  contacts: 0.18,
  accounts: 0.14,
  deals: 0.18,
  activities: 0.18,
  leads: 0.14,
  cases: 0.05,
  products: 0.03,
  search: 0.05,
  users: 0.03,
};
const otherShare = 1 - Object.values(callWeights).reduce((a, b) => a + b, 0);

/** Each API function's share of the calls (the unnamed ones split what remains). */
export function callShares(apiFunctions: readonly string[]): Record<string, number> {
  const others = apiFunctions.filter((id) => !(id in callWeights));
  return Object.fromEntries(apiFunctions.map((id) => [id, callWeights[id] ?? otherShare / Math.max(1, others.length)]));
}

export interface LayoutFigures {
  layout: string;
  functions: number;
  coldCallShare: number;
  /** Init ms a call waits on average (share cold × that function's init). */
  coldMsPerCall: number;
  largestBundleBytes: number;
  /** The slowest cold init among the layout's functions (ms, median of 5 fresh imports). */
  largestInitMs: number;
}

/**
 * The cold-call share of a layout: `groups` maps each deployed function to the current functions it
 * would serve; shares add up within a group, init and bundle size are the group's.
 */
export function coldCallShare(
  groups: Record<string, readonly string[]>,
  shares: Record<string, number>,
  initMs: Record<string, number>,
  keepWarmMinutes: number,
  workload: Workload = referenceWorkload,
): { coldCallShare: number; coldMsPerCall: number } {
  const callsPerSecond = (workload.users * workload.callsPerUserDay) / (workload.workingHours * 3600);
  let cold = 0;
  let coldMs = 0;
  for (const [group, members] of Object.entries(groups)) {
    const share = members.reduce((sum, id) => sum + (shares[id] ?? 0), 0);
    const pCold = Math.exp(-callsPerSecond * share * keepWarmMinutes * 60);
    cold += share * pCold;
    coldMs += share * pCold * (initMs[group] ?? 0);
  }
  return { coldCallShare: cold, coldMsPerCall: coldMs };
}

/** The API functions (those serving routes), the record-type ones, and the three layouts compared. */
export function layouts(apiFunctions: readonly string[], recordFunctions: readonly string[]): Record<string, Record<string, readonly string[]>> {
  const others = apiFunctions.filter((id) => !recordFunctions.includes(id));
  return {
    'a function per resource (today)': Object.fromEntries(apiFunctions.map((id) => [id, [id]])),
    'one function for the record types': { records: recordFunctions, ...Object.fromEntries(others.map((id) => [id, [id]])) },
    'one function for the whole API': { api: apiFunctions },
  };
}

const root = join(import.meta.dirname, '..');
/** The record types' routers (ADR 0020) plus search, which every record screen calls. */
export const recordFunctions = ['leads', 'accounts', 'contacts', 'activities', 'products', 'deals', 'cases', 'search'];

/**
 * Bundles the union of some functions' entries as one module (what a consolidated function would ship,
 * before its own router), measures its size and cold init like bench/bundles.ts.
 */
async function unionBundle(id: string, members: readonly string[]): Promise<{ bytes: number; initMs: number }> {
  const out = join(root, '.bench', 'bundles', 'union');
  mkdirSync(out, { recursive: true });
  const entries = members.map((m) => app.functions.find((f) => f.id === m)!.entry);
  const outfile = join(out, `${id}.mjs`);
  await build({
    ...asTheStackBundles,
    stdin: { contents: entries.map((entry, i) => `export { handler as h${i} } from ${JSON.stringify(resolve(root, entry))};`).join('\n'), resolveDir: root, loader: 'ts' },
    outfile,
  });
  return { bytes: statSync(outfile).size, initMs: initTime(outfile, root) };
}

export interface ColdStartReport {
  figures: LayoutFigures[];
  /** lambda.coldCallShare: today's layout at the central keep-warm time. */
  coldCallShare: number;
  /** The same at other keep-warm times and at a quarter of the calls (a quieter company). */
  sensitivity: { keepWarmMinutes: number; callsPerUserDay: number; layout: string; coldCallShare: number }[];
  shares: Record<string, number>;
}

/** Runs the model for the three layouts; `bundles` are today's measured figures (bench/bundles.ts). */
export async function measureColdStarts(bundles: { id: string; bytes: number; initMs: number }[], keepWarmMinutes = 10): Promise<ColdStartReport> {
  const apiFunctions = [...new Set(app.routes.map((r) => r.function))];
  const shares = callShares(apiFunctions);
  const initMs: Record<string, number> = Object.fromEntries(bundles.map((b) => [b.id, b.initMs]));
  const bytes: Record<string, number> = Object.fromEntries(bundles.map((b) => [b.id, b.bytes]));
  const all = layouts(apiFunctions, recordFunctions.filter((id) => apiFunctions.includes(id)));
  for (const groups of Object.values(all)) {
    for (const [group, members] of Object.entries(groups)) {
      if (members.length > 1 && !(group in initMs)) {
        const union = await unionBundle(group, members);
        initMs[group] = union.initMs;
        bytes[group] = union.bytes;
      }
    }
  }
  const figures = Object.entries(all).map(([layout, groups]) => ({
    layout,
    functions: Object.keys(groups).length,
    ...coldCallShare(groups, shares, initMs, keepWarmMinutes),
    largestBundleBytes: Math.max(...Object.keys(groups).map((g) => bytes[g] ?? 0)),
    largestInitMs: Math.max(...Object.keys(groups).map((g) => initMs[g] ?? 0)),
  }));
  const sensitivity = [referenceWorkload.callsPerUserDay, referenceWorkload.callsPerUserDay / 4].flatMap((callsPerUserDay) =>
    [5, 10, 15].flatMap((minutes) =>
      Object.entries(all).map(([layout, groups]) => ({
        keepWarmMinutes: minutes,
        callsPerUserDay,
        layout,
        coldCallShare: coldCallShare(groups, shares, initMs, minutes, { ...referenceWorkload, callsPerUserDay }).coldCallShare,
      })),
    ),
  );
  return { figures, coldCallShare: figures[0]!.coldCallShare, sensitivity, shares };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  // Today's bundles from the last bench run when it has them (bundling every function takes minutes).
  const { existsSync, readFileSync } = await import('node:fs');
  const resultsFile = join(root, 'bench', 'results.json');
  const results = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number>) : {};
  const known = app.functions.filter((f) => results[`bundle.${f.id}.bytes`] !== undefined && results[`init.${f.id}.ms`] !== undefined);
  const bundles =
    known.length === app.functions.length
      ? known.map((f) => ({ id: f.id, bytes: results[`bundle.${f.id}.bytes`]!, initMs: results[`init.${f.id}.ms`]! }))
      : await (await import('./bundles')).measureBundles(root);
  const report = await measureColdStarts(bundles);
  console.table(report.figures.map((f) => ({ ...f, coldCallShare: Math.round(f.coldCallShare * 1000) / 1000, coldMsPerCall: Math.round(f.coldMsPerCall * 10) / 10, largestBundleKB: Math.round(f.largestBundleBytes / 1024) })));
  console.table(report.sensitivity.map((s) => ({ ...s, coldCallShare: Math.round(s.coldCallShare * 1000) / 1000 })));
  writeFileSync(join(root, '.bench', 'cold-starts.json'), JSON.stringify(report, null, 2));
  process.exit();
}
