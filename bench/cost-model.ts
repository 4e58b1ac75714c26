import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What a client's stack costs a month, from measured units and durations and the committed price
 * table (bench/prices/eu-central-1.json): per call, at idle (the synthesized template's fixed-cost
 * resources) and for the reference company of issue 14 §6. Pure apart from reading the price file;
 * every term is returned with its quantity so docs/cost-model.md and the bench print the same model.
 */
export type PriceName =
  | 'dynamodb.writeRequestUnitPerMillion'
  | 'dynamodb.readRequestUnitPerMillion'
  | 'dynamodb.storagePerGbMonth'
  | 'dynamodb.pitrPerGbMonth'
  | 'lambda.arm64GbSecond'
  | 'lambda.requestPerMillion'
  | 'apiGateway.httpApiRequestPerMillion'
  | 'cloudfront.httpsRequestPerTenThousand'
  | 'cloudfront.dataOutPerGb'
  | 'cloudfront.functionInvocationPerMillion'
  | 's3.standardStoragePerGbMonth'
  | 'eventbridge.customEventPerMillion'
  | 'eventbridge.schedulerInvocationPerMillion'
  | 'sqs.standardRequestPerMillion'
  | 'kms.customerManagedKeyPerMonth'
  | 'cloudwatch.logsIngestionPerGb'
  | 'cloudwatch.logsStoragePerGbMonth'
  | 'cloudwatch.alarmPerMonth'
  | 'cloudwatch.dashboardPerMonth'
  | 'cognito.essentialsPerMau'
  | 'secretsManager.secretPerMonth'
  | 'secretsManager.apiCallPerTenThousand'
  | 'waf.webAclPerMonth'
  | 'waf.rulePerMonth';
export type Prices = Record<PriceName, number>;

export function loadPrices(file = join(import.meta.dirname, 'prices', 'eu-central-1.json')): Prices {
  const table = JSON.parse(readFileSync(file, 'utf8')) as { prices: Record<string, { usd: number }> };
  return Object.fromEntries(Object.entries(table.prices).map(([name, { usd }]) => [name, usd])) as Prices;
}

/**
 * Assumptions of the model, named so the doc and the bench print them. Log bytes: Lambda's START,
 * END and REPORT lines (~350 B), the HTTP API's access log line (~400 B) and a handler's WARN-level
 * lines; measured neither locally nor in the cloud, so an assumption.
 */
export const assumptions = {
  logBytesPerApiCall: 1024,
  logBytesPerBackgroundInvocation: 512,
  workingDaysPerMonth: 21,
  /** Every captured lead, per month, stays (leads are not purged); the reference company is priced after a year. */
  monthsOfLeadsKept: 12,
  /** Storage billed per item on top of its bytes. */
  itemOverheadBytes: 100,
  /** The web app's assets in S3 (bytes), stored once; CloudFront requests per user per working day (the SPA is cached; index.html and API-less assets). */
  webAssetsBytes: 3 * 1024 * 1024,
  cloudfrontRequestsPerUserDay: 60,
  /** CloudWatch Logs retention of the functions' log groups (months) for the storage term. */
  logRetentionMonths: 1,
} as const;

export interface CallMeasure {
  writeUnits: number;
  readUnits: number;
  /** Warm duration in ms (billed rounded up). */
  durationMs: number;
  memoryMb: number;
}

export interface Term {
  name: string;
  quantity: number;
  unit: string;
  usd: number;
}

const perMillion = (n: number, price: number) => (n / 1e6) * price;

/**
 * One API call: DynamoDB units, Lambda request and duration (billed in whole milliseconds; the warm
 * duration measured locally on this machine, x86 with 2 cores, taken as arm64's), the CloudFront request
 * and viewer function in front of `/api/*` (ADR 0006), the HTTP API request, its log lines.
 */
export function apiCallTerms(call: CallMeasure, prices: Prices, calls = 1): Term[] {
  const gbSeconds = (call.memoryMb / 1024) * (Math.ceil(call.durationMs) / 1000);
  return [
    { name: 'DynamoDB write units', quantity: call.writeUnits * calls, unit: 'WRU', usd: perMillion(call.writeUnits * calls, prices['dynamodb.writeRequestUnitPerMillion']) },
    { name: 'DynamoDB read units', quantity: call.readUnits * calls, unit: 'RRU', usd: perMillion(call.readUnits * calls, prices['dynamodb.readRequestUnitPerMillion']) },
    { name: 'Lambda requests', quantity: calls, unit: 'requests', usd: perMillion(calls, prices['lambda.requestPerMillion']) },
    { name: 'Lambda duration', quantity: gbSeconds * calls, unit: 'GB-s', usd: gbSeconds * calls * prices['lambda.arm64GbSecond'] },
    { name: 'HTTP API requests', quantity: calls, unit: 'requests', usd: perMillion(calls, prices['apiGateway.httpApiRequestPerMillion']) },
    { name: 'CloudFront requests', quantity: calls, unit: 'requests', usd: (calls / 1e4) * prices['cloudfront.httpsRequestPerTenThousand'] },
    { name: 'CloudFront viewer function', quantity: calls, unit: 'invocations', usd: perMillion(calls, prices['cloudfront.functionInvocationPerMillion']) },
    {
      name: 'CloudWatch Logs ingestion',
      quantity: (assumptions.logBytesPerApiCall * calls) / 2 ** 30,
      unit: 'GB',
      usd: ((assumptions.logBytesPerApiCall * calls) / 2 ** 30) * prices['cloudwatch.logsIngestionPerGb'],
    },
  ];
}

export const totalUsd = (terms: readonly Term[]) => terms.reduce((sum, t) => sum + t.usd, 0);
/** Dollars per million calls of one kind. */
export const usdPerMillionCalls = (call: CallMeasure, prices: Prices) => totalUsd(apiCallTerms(call, prices, 1e6));

/** A CloudFormation resource as the template gives it. */
export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface FixedCost {
  resource: string;
  type: string;
  usdPerMonth: number;
  why: string;
  alarm: boolean;
}

/**
 * How often a schedule fires in a month of 30 days: `rate(n unit)` exactly, `cron(...)` by its minute
 * and hour fields (day fields as every day, which over-counts weekday-only jobs).
 */
export function firingsPerMonth(expression: string): number {
  const minutesPerMonth = 30 * 24 * 60;
  const rate = /^rate\((\d+)\s+(minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (rate) {
    const unit = rate[2]!.startsWith('minute') ? 1 : rate[2]!.startsWith('hour') ? 60 : 1440;
    return minutesPerMonth / (Number(rate[1]) * unit);
  }
  const cron = /^cron\((.+)\)$/.exec(expression.trim());
  if (cron) {
    const [minute = '0', hour = '*'] = cron[1]!.split(/\s+/);
    const count = (field: string, size: number) => {
      if (field === '*' || field === '?') return size;
      const step = /^(?:\*|\d+)\/(\d+)$/.exec(field);
      if (step) return Math.ceil(size / Number(step[1]));
      return field.split(',').length;
    };
    return count(minute, 60) * count(hour, 24) * 30;
  }
  return 0;
}

/** A schedule's idle cost: each firing is a Scheduler (or EventBridge rule) invocation and a short Lambda call with its log lines. */
const firingUsd = (prices: Prices, memoryMb: number, durationMs: number, scheduler: boolean) =>
  (scheduler ? prices['eventbridge.schedulerInvocationPerMillion'] / 1e6 : 0) +
  prices['lambda.requestPerMillion'] / 1e6 +
  (memoryMb / 1024) * (durationMs / 1000) * prices['lambda.arm64GbSecond'] +
  (assumptions.logBytesPerBackgroundInvocation / 2 ** 30) * prices['cloudwatch.logsIngestionPerGb'];

/**
 * Every resource of the synthesized templates that costs money with no traffic at all. Alarms are
 * returned with `alarm: true` (the idle figure leaves them out, as issue 14 §6 asks). Resources billed
 * only by use (Lambda, HTTP API, DynamoDB on demand, SQS, EventBridge bus, Cognito by MAU) cost nothing idle.
 */
export function fixedMonthlyCosts(resources: Record<string, TemplateResource>, prices: Prices, idleFunction = { memoryMb: 512, durationMs: 100 }): FixedCost[] {
  const costs: FixedCost[] = [];
  for (const [id, r] of Object.entries(resources)) {
    const p = r.Properties ?? {};
    const add = (usdPerMonth: number, why: string, alarm = false) => costs.push({ resource: id, type: r.Type, usdPerMonth, why, alarm });
    switch (r.Type) {
      case 'AWS::CloudWatch::Alarm':
        add(prices['cloudwatch.alarmPerMonth'] * (Array.isArray(p.Metrics) ? Math.max(1, p.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).length) : 1), 'alarm, per metric', true);
        break;
      case 'AWS::CloudWatch::Dashboard':
        add(prices['cloudwatch.dashboardPerMonth'], 'dashboard');
        break;
      case 'AWS::KMS::Key':
        add(prices['kms.customerManagedKeyPerMonth'], 'customer managed key');
        break;
      case 'AWS::SecretsManager::Secret':
        add(prices['secretsManager.secretPerMonth'], 'secret');
        break;
      case 'AWS::WAFv2::WebACL':
        add(prices['waf.webAclPerMonth'] + prices['waf.rulePerMonth'] * (Array.isArray(p.Rules) ? p.Rules.length : 0), 'web ACL and its rules');
        break;
      case 'AWS::Scheduler::Schedule':
      case 'AWS::Events::Rule': {
        const expression = typeof p.ScheduleExpression === 'string' ? p.ScheduleExpression : undefined;
        if (!expression || (r.Type === 'AWS::Scheduler::Schedule' && expression.startsWith('at('))) break;
        const firings = firingsPerMonth(expression);
        add(firings * firingUsd(prices, idleFunction.memoryMb, idleFunction.durationMs, r.Type === 'AWS::Scheduler::Schedule'), `${expression}: ${Math.round(firings)} invocations a month, each a Lambda call of ~${idleFunction.durationMs} ms`);
        break;
      }
      case 'AWS::S3::Bucket':
        break;
      default:
        break;
    }
  }
  return costs;
}

/** The web app's assets, stored once in S3 whatever the traffic. */
export const webAssetsStorageUsd = (prices: Prices, bytes: number = assumptions.webAssetsBytes) => (bytes / 2 ** 30) * prices['s3.standardStoragePerGbMonth'];

export interface ReferenceInputs {
  read: CallMeasure;
  list: CallMeasure;
  write: CallMeasure;
  /** Everything a captured lead costs in DynamoDB (writeUnitsPerLead) and its calls. */
  lead: { writeUnits: number; readUnits: number; captureMs: number; memoryMb: number; backgroundInvocations: number; events: number };
  /** Bytes a record occupies in the table with its index copies and derived items (search terms, match keys, history). */
  bytesPerContact: number;
  bytesPerLead: number;
  bytesPerAuditEntry: number;
  /** Audit entries written per API call (an audited read writes one, a write its own). */
  auditEntriesPerCall: number;
  auditRetentionDays: number;
  idleUsdPerMonth: number;
}

/**
 * The reference company of issue 14 §6: 10 users × 400 calls a working day (60 % record reads, 30 %
 * list pages, 10 % writes), 5 000 web leads and 20 000 contacts a month, storage at steady state with
 * the default audit retention, mail excluded.
 */
export function referenceCompany(inputs: ReferenceInputs, prices: Prices, users = 10, callsPerUserDay = 400): Term[] {
  const calls = users * callsPerUserDay * assumptions.workingDaysPerMonth;
  const leads = 5_000;
  const scale = (terms: Term[], prefix: string) => terms.map((t) => ({ ...t, name: `${prefix}: ${t.name}` }));
  const leadGbSeconds = (inputs.lead.memoryMb / 1024) * (Math.ceil(inputs.lead.captureMs) / 1000);
  const contacts = 20_000;
  const auditEntries = calls * inputs.auditEntriesPerCall * (inputs.auditRetentionDays / 30);
  const storedBytes =
    contacts * (inputs.bytesPerContact + assumptions.itemOverheadBytes) +
    leads * assumptions.monthsOfLeadsKept * (inputs.bytesPerLead + assumptions.itemOverheadBytes) +
    auditEntries * (inputs.bytesPerAuditEntry + assumptions.itemOverheadBytes);
  const storedGb = storedBytes / 2 ** 30;
  const logGb = (calls * assumptions.logBytesPerApiCall + leads * (1 + inputs.lead.backgroundInvocations) * assumptions.logBytesPerBackgroundInvocation) / 2 ** 30;
  return [
    ...scale(apiCallTerms(inputs.read, prices, calls * 0.6), 'record reads'),
    ...scale(apiCallTerms(inputs.list, prices, calls * 0.3), 'list pages'),
    ...scale(apiCallTerms(inputs.write, prices, calls * 0.1), 'writes'),
    { name: 'web leads: DynamoDB write units', quantity: leads * inputs.lead.writeUnits, unit: 'WRU', usd: perMillion(leads * inputs.lead.writeUnits, prices['dynamodb.writeRequestUnitPerMillion']) },
    { name: 'web leads: DynamoDB read units', quantity: leads * inputs.lead.readUnits, unit: 'RRU', usd: perMillion(leads * inputs.lead.readUnits, prices['dynamodb.readRequestUnitPerMillion']) },
    {
      name: 'web leads: Lambda requests (capture and consumers)',
      quantity: leads * (1 + inputs.lead.backgroundInvocations),
      unit: 'requests',
      usd: perMillion(leads * (1 + inputs.lead.backgroundInvocations), prices['lambda.requestPerMillion']),
    },
    {
      name: 'web leads: Lambda duration (capture, and each consumer as long)',
      quantity: leads * leadGbSeconds * (1 + inputs.lead.backgroundInvocations),
      unit: 'GB-s',
      usd: leads * leadGbSeconds * (1 + inputs.lead.backgroundInvocations) * prices['lambda.arm64GbSecond'],
    },
    {
      name: 'web leads: HTTP API, CloudFront request and viewer function',
      quantity: leads,
      unit: 'posts',
      usd: perMillion(leads, prices['apiGateway.httpApiRequestPerMillion'] + prices['cloudfront.functionInvocationPerMillion']) + (leads / 1e4) * prices['cloudfront.httpsRequestPerTenThousand'],
    },
    { name: 'web leads: EventBridge events', quantity: leads * inputs.lead.events, unit: 'events', usd: perMillion(leads * inputs.lead.events, prices['eventbridge.customEventPerMillion']) },
    { name: 'CloudWatch Logs storage', quantity: logGb * assumptions.logRetentionMonths, unit: 'GB-month', usd: logGb * assumptions.logRetentionMonths * prices['cloudwatch.logsStoragePerGbMonth'] },
    { name: 'DynamoDB storage (contacts, a year of leads, audit trail)', quantity: storedGb, unit: 'GB-month', usd: storedGb * prices['dynamodb.storagePerGbMonth'] },
    { name: 'DynamoDB PITR', quantity: storedGb, unit: 'GB-month', usd: storedGb * prices['dynamodb.pitrPerGbMonth'] },
    { name: 'Cognito Essentials MAU', quantity: users, unit: 'MAU', usd: users * prices['cognito.essentialsPerMau'] },
    {
      name: 'CloudFront requests (the web app)',
      quantity: users * assumptions.cloudfrontRequestsPerUserDay * assumptions.workingDaysPerMonth,
      unit: 'requests',
      usd: ((users * assumptions.cloudfrontRequestsPerUserDay * assumptions.workingDaysPerMonth) / 1e4) * prices['cloudfront.httpsRequestPerTenThousand'],
    },
    { name: 'idle stack (fixed costs without alarms)', quantity: 1, unit: 'month', usd: inputs.idleUsdPerMonth },
  ];
}
