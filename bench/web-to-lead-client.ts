/**
 * The web-to-lead load client, in its own process so its CPU is not counted as the stack's
 * (bench/web-to-lead-load.ts). Posts `count` form submissions with `concurrency` in flight; the i-th
 * post's email is `<prefix><i mod distinct>@<domain>`. Prints `@@RESULT{…}`.
 */
interface Options {
  url: string;
  formId: string;
  count: number;
  distinct: number;
  concurrency: number;
  prefix: string;
  domain: string;
}

/**
 * Each person their own mobile number, the same on a repeat: one number shared by every lead would
 * make each new lead a duplicate of all the others (REC-12 pairs), which is not what a site sees.
 */
export function phoneOf(email: string): string {
  let hash = 2166136261;
  for (const ch of email) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const digits = String(hash % 10_000_000).padStart(7, '0');
  return `+7 901 ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;
}

export const emailOf = (o: Pick<Options, 'prefix' | 'domain' | 'distinct'>, i: number) => `${o.prefix}${i % o.distinct}@${o.domain}`;

export async function postSubmissions(o: Options) {
  const latencies: number[] = [];
  let non303 = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      while (next < o.count) {
        const i = next++;
        const email = emailOf(o, i);
        const body = new URLSearchParams({ name: `Нагрузкин Тест ${i}`, email, phone: phoneOf(email) });
        const t = performance.now();
        const res = await fetch(`${o.url}/api/forms/${o.formId}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: o.url },
          body,
          redirect: 'manual',
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t);
        if (res.status !== 303) non303++;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  return { seconds: (performance.now() - started) / 1000, p50Ms: pct(50), p99Ms: pct(99), non303 };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const result = await postSubmissions(JSON.parse(process.argv[2]!) as Options);
  process.stdout.write(`\n@@RESULT${JSON.stringify(result)}\n`);
  process.exit();
}
