import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { auditRetention } from '../../shared/domain/audit/audit-entry';
import { webUrlSchema } from '../../shared/domain/common/values';

/**
 * Per-client settings (OPS-1). One JSON file per client company in infra/clients/; `cdk synth
 * -c client=<name>` reads `infra/clients/<name>.json`. The local runtime uses `local.json`.
 */
export const clientConfigSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, 'lower-case letters, digits and dashes'),
  displayName: z.string().min(1),
  locale: z.enum(['ru', 'en']),
  currency: z.enum(['RUB', 'KZT', 'USD', 'EUR']),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Moscow'),
  senderEmail: z.email(),
  adminEmail: z.email(),
  /** Origins allowed to post web-to-lead forms (per-form lists narrow this further). */
  allowedFormOrigins: z.array(webUrlSchema(2000)).default([]),
  region: z.string().default('eu-central-1'),
  /** Optional custom domain of the app; without it CloudFront's own domain is used. */
  domainName: z.string().optional(),
  /** Days the audit trail and its usage counters are kept before the table's TTL removes them (ACC-4, ADR 0014). */
  auditRetentionDays: z.number().int().min(auditRetention.minDays).max(auditRetention.maxDays).default(auditRetention.defaultDays),
});

export type ClientConfig = z.infer<typeof clientConfigSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const clientsDir = join(import.meta.dirname, '..', 'clients');

export function loadClientConfig(name: string, dir = clientsDir): ClientConfig {
  const known = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  if (!known.includes(name)) {
    throw new Error(`Unknown client "${name}". Known clients: ${known.join(', ')} (files in ${dir})`);
  }
  const parsed = clientConfigSchema.safeParse(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')));
  if (!parsed.success) {
    throw new Error(`infra/clients/${name}.json is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
