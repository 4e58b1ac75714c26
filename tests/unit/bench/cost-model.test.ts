import { describe, expect, it } from 'vitest';
import { apiCallTerms, firingsPerMonth, fixedMonthlyCosts, loadPrices, referenceCompany, totalUsd, usdPerMillionCalls } from '../../../bench/cost-model';

const prices = loadPrices();

describe('the price table', () => {
  it('has a price for every name the model reads', () => {
    for (const [name, usd] of Object.entries(prices)) expect(usd, name).toBeGreaterThanOrEqual(0);
    expect(prices['dynamodb.writeRequestUnitPerMillion']).toBeGreaterThan(prices['dynamodb.readRequestUnitPerMillion']);
  });
});

describe('a call', () => {
  const call = { writeUnits: 2, readUnits: 1, durationMs: 25.2, memoryMb: 512 };
  it('bills DynamoDB units, Lambda by whole milliseconds, the HTTP API, CloudFront and the logs', () => {
    const terms = Object.fromEntries(apiCallTerms(call, prices, 1e6).map((t) => [t.name, t]));
    expect(terms['DynamoDB write units']!.usd).toBeCloseTo(2 * prices['dynamodb.writeRequestUnitPerMillion']);
    expect(terms['Lambda duration']!.quantity).toBeCloseTo(0.5 * 0.026 * 1e6);
    expect(terms['HTTP API requests']!.usd).toBeCloseTo(prices['apiGateway.httpApiRequestPerMillion']);
    expect(terms['CloudFront requests']!.usd).toBeCloseTo(100 * prices['cloudfront.httpsRequestPerTenThousand']);
    expect(usdPerMillionCalls(call, prices)).toBeCloseTo(totalUsd(apiCallTerms(call, prices, 1e6)));
  });
});

describe('schedules at idle', () => {
  it('counts the firings of rate and cron expressions in a 30-day month', () => {
    expect(firingsPerMonth('rate(1 minute)')).toBe(43_200);
    expect(firingsPerMonth('rate(1 hour)')).toBe(720);
    expect(firingsPerMonth('cron(0 * * * ? *)')).toBe(720);
    expect(firingsPerMonth('cron(0 9 ? * MON-FRI *)')).toBe(30);
    expect(firingsPerMonth('cron(0/15 * * * ? *)')).toBe(4 * 24 * 30);
  });
});

describe('fixed costs of a template', () => {
  it('lists secrets, keys, dashboards and recurring schedules, alarms apart, and nothing billed by use', () => {
    const costs = fixedMonthlyCosts(
      {
        Secret: { Type: 'AWS::SecretsManager::Secret' },
        Key: { Type: 'AWS::KMS::Key' },
        Alarm: { Type: 'AWS::CloudWatch::Alarm' },
        Sweep: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'rate(1 minute)' } },
        Once: { Type: 'AWS::Scheduler::Schedule', Properties: { ScheduleExpression: 'at(2030-01-01T00:00:00)' } },
        Table: { Type: 'AWS::DynamoDB::Table' },
        Fn: { Type: 'AWS::Lambda::Function' },
      },
      prices,
    );
    expect(costs.map((c) => [c.resource, c.alarm])).toEqual([
      ['Secret', false],
      ['Key', false],
      ['Alarm', true],
      ['Sweep', false],
    ]);
    // The per-minute sweep of issue 14 §4: 43 200 invocations cost cents, not nothing.
    expect(costs.find((c) => c.resource === 'Sweep')!.usdPerMonth).toBeGreaterThan(0.05);
  });
});

describe('the reference company', () => {
  it('prices 84 000 calls in the 60/30/10 mix, 5 000 leads and the storage, with every term named', () => {
    const call = { writeUnits: 2, readUnits: 1, durationMs: 30, memoryMb: 512 };
    const terms = referenceCompany(
      {
        read: call,
        list: { ...call, readUnits: 13 },
        write: { ...call, writeUnits: 10 },
        lead: { writeUnits: 20, readUnits: 5, captureMs: 50, memoryMb: 512, backgroundInvocations: 3, events: 1 },
        bytesPerContact: 5000,
        bytesPerLead: 5000,
        bytesPerAuditEntry: 400,
        auditEntriesPerCall: 1,
        auditRetentionDays: 400,
        idleUsdPerMonth: 0.4,
      },
      prices,
    );
    const byName = Object.fromEntries(terms.map((t) => [t.name, t]));
    expect(byName['record reads: Lambda requests']!.quantity).toBeCloseTo(10 * 400 * 21 * 0.6);
    expect(byName['web leads: DynamoDB write units']!.quantity).toBe(100_000);
    expect(byName['Cognito Essentials MAU']!.quantity).toBe(10);
    expect(totalUsd(terms)).toBeGreaterThan(0.4);
  });
});
