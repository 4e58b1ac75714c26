import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadClientConfig } from '../infra/config/client-config';
import { app as definition } from '../infra/definition/app';
import { CrmStack, stackName } from '../infra/stack/crm-stack';
import { fakeWebDist } from '../tests/infra/support/synth';
import { apiCallTerms, fixedMonthlyCosts, loadPrices, referenceCompany, totalUsd, usdPerMillionCalls, webAssetsStorageUsd, type CallMeasure, type FixedCost, type TemplateResource, type Term } from './cost-model';

/**
 * The cost stage of `npm run bench` (issue 14 §6): prices the calls the earlier stages measured, lists
 * the synthesized stack's fixed-cost resources, and models the reference company. Reads the measured
 * figures from the metrics of the same run (or bench/results.json when run alone:
 * `npx tsx bench/cost.ts`). docs/cost-model.md explains every term.
 */
const root = join(import.meta.dirname, '..');

/** Every resource of the client's stack and its nested stacks, synthesized without bundling and without cdk-nag (the stack tests run cdk-nag). */
export function synthesizedResources(client = 'acme'): Record<string, TemplateResource> {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const config = loadClientConfig(client);
  new CrmStack(app, stackName(config.name), { env: { account: '111111111111', region: config.region }, client: config, definition, webDistDir: fakeWebDist() });
  const resources: Record<string, TemplateResource> = {};
  for (const stack of app.node.findAll().filter((c): c is Stack => Stack.isStack(c))) {
    const template = Template.fromStack(stack, { skipCyclicalDependenciesCheck: true }).toJSON() as { Resources?: Record<string, TemplateResource> };
    for (const [id, resource] of Object.entries(template.Resources ?? {})) resources[`${stack.node.id}/${id}`] = resource;
  }
  return resources;
}

export interface CostReport {
  readCallUsdPerMillion: number;
  listCallUsdPerMillion: number;
  writeCallUsdPerMillion: number;
  idleStackUsdPerMonth: number;
  alarmsUsdPerMonth: number;
  referenceCompanyUsdPerMonth: number;
  fixed: FixedCost[];
  reference: Term[];
  readTerms: Term[];
  listTerms: Term[];
}

export function measureCosts(metrics: Record<string, number>, resources = synthesizedResources()): CostReport {
  const prices = loadPrices();
  const memoryOf = (fn: string) => definition.functions.find((f) => f.id === fn)?.memoryMb ?? 512;
  const need = (key: string) => {
    const value = metrics[key];
    if (value === undefined) throw new Error(`The cost stage needs ${key} from an earlier stage`);
    return value;
  };
  const call = (operation: string, fn: string, durationKey = `dynamodb.${operation}.warmMs`): CallMeasure => ({
    writeUnits: need(`dynamodb.${operation}.writeUnits`),
    readUnits: need(`dynamodb.${operation}.readUnits`),
    durationMs: need(durationKey),
    memoryMb: memoryOf(fn),
  });
  const read = call('GET /api/leads/{leadId}', 'leads');
  const list = call('GET /api/leads (page of 25)', 'leads');
  // A write: the mean of every measured create and change, timed by the note (a write without a version to bump).
  const writes = Object.keys(metrics).filter((k) => /^dynamodb\.(POST|PATCH) .*\.writeUnits$/.test(k)).map((k) => k.slice('dynamodb.'.length, -'.writeUnits'.length));
  const mean = (field: string) => writes.reduce((sum, op) => sum + need(`dynamodb.${op}.${field}`), 0) / writes.length;
  const write: CallMeasure = { writeUnits: mean('writeUnits'), readUnits: mean('readUnits'), durationMs: need('dynamodb.POST /api/accounts/{id}/notes.warmMs'), memoryMb: memoryOf('accounts') };

  const fixed = fixedMonthlyCosts(resources, prices);
  const idle = totalUsd(fixed.filter((f) => !f.alarm).map((f) => ({ name: f.resource, quantity: 1, unit: 'month', usd: f.usdPerMonth }))) + webAssetsStorageUsd(prices);
  const alarms = fixed.filter((f) => f.alarm).reduce((sum, f) => sum + f.usdPerMonth, 0);

  const leadRules = definition.rules.filter((r) => JSON.stringify(r.eventPattern).includes('"LeadCaptured"')).length;
  const reference = referenceCompany(
    {
      read,
      list,
      write,
      lead: {
        writeUnits: need('webToLead.writeUnitsPerLead'),
        readUnits: need('webToLead.readUnitsPerLead'),
        // Not measured in the cloud: a capture's warm duration taken as a record write's.
        captureMs: write.durationMs,
        memoryMb: memoryOf('forms-submit'),
        // Each stream consumer once per lead (batches of one at 5 000 leads a month) and each rule on LeadCaptured.
        backgroundInvocations: definition.streamConsumers.length + leadRules,
        events: need('webToLead.eventsPerLead'),
      },
      // A contact is taken as a lead's size: both are records with their index copies, search terms and match keys.
      bytesPerContact: need('webToLead.storedBytesPerLead'),
      bytesPerLead: need('webToLead.storedBytesPerLead'),
      bytesPerAuditEntry: need('dynamodb.GET /api/leads/{leadId}.storedBytes'),
      auditEntriesPerCall: 1,
      auditRetentionDays: 400,
      idleUsdPerMonth: idle,
    },
    prices,
  );
  return {
    readCallUsdPerMillion: usdPerMillionCalls(read, prices),
    listCallUsdPerMillion: usdPerMillionCalls(list, prices),
    writeCallUsdPerMillion: usdPerMillionCalls(write, prices),
    idleStackUsdPerMonth: idle,
    alarmsUsdPerMonth: alarms,
    referenceCompanyUsdPerMonth: totalUsd(reference),
    fixed,
    reference,
    readTerms: apiCallTerms(read, prices, 1e6),
    listTerms: apiCallTerms(list, prices, 1e6),
  };
}

export const usd = (n: number) => Math.round(n * 10_000) / 10_000;

export function printCosts(report: CostReport): void {
  const terms = (list: Term[]) => list.map((t) => ({ term: t.name, quantity: Math.round(t.quantity * 1000) / 1000, unit: t.unit, usd: usd(t.usd) }));
  console.log('One audited record read, per million calls:');
  console.table(terms(report.readTerms));
  console.log('One list page, per million calls:');
  console.table(terms(report.listTerms));
  console.log('Fixed monthly costs of the synthesized stack (alarms apart):');
  console.table(report.fixed.map((f) => ({ resource: f.resource, type: f.type, usdPerMonth: usd(f.usdPerMonth), alarm: f.alarm, why: f.why })));
  console.log('The reference company, a month:');
  console.table(terms(report.reference));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const file = join(root, 'bench', 'results.json');
  const metrics = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  const report = measureCosts(metrics);
  printCosts(report);
  console.table([{ read: usd(report.readCallUsdPerMillion), list: usd(report.listCallUsdPerMillion), write: usd(report.writeCallUsdPerMillion), idle: usd(report.idleStackUsdPerMonth), alarms: usd(report.alarmsUsdPerMonth), reference: usd(report.referenceCompanyUsdPerMonth) }]);
  process.exit();
}
