import { AwsSolutionsChecks } from 'cdk-nag';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { synthClient } from './support/synth';

/** Every acknowledgement recorded in the construct tree, with its reason. */
function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ path: c.node.path, id, reason }))),
  );
}

describe('cdk-nag AwsSolutions', () => {
  it.each(['acme', 'steppe'])('%s: synthesis (with the checks attached, as in `cdk synth`) reports no unacknowledged error', (client) => {
    // addCrmStack registers the pack as a CDK validation plugin: a violation makes synthesis throw.
    const { stack } = synthClient(client);
    const report = new AwsSolutionsChecks().validateScope(stack);
    const errors = report.violations.filter((v) => v.severity === 'error');
    expect(errors.map((v) => `${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.violations.map((v) => v.ruleName)).toEqual([]);
  });

  it('every acknowledgement names an AwsSolutions rule and gives a reason', () => {
    const { app } = synthClient('acme');
    // CDK acknowledges some of its own template-lint warnings (CloudFormation-Validate::…): not ours.
    const acks = acknowledgements(app).filter((a) => a.id.includes('AwsSolutions'));
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) {
      expect(ack.id, ack.path).toMatch(/AwsSolutions-[A-Z]+\d+/);
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it('no acknowledgement is stale: each one silences a finding the checks really make', () => {
    const { app, stack } = synthClient('acme');
    // The same pack with acknowledgements ignored (isAcknowledged is private in cdk-nag's types).
    const raw = new AwsSolutionsChecks();
    (raw as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false;
    const findings = raw.validateScope(stack).violations.flatMap((v) => v.violatingResources.map((r) => ({ rule: v.ruleName, path: r.constructPath ?? '' })));
    const acks = acknowledgements(app).filter((a) => a.id.includes('AwsSolutions'));
    const stale = acks.filter((ack) => {
      const rule = ack.id.replace(/^Annotation::/i, '');
      return !findings.some((f) => f.rule === rule && (f.path === ack.path || f.path.startsWith(`${ack.path}/`)));
    });
    expect(stale.map((a) => `${a.id} at ${a.path}`)).toEqual([]);
  });

  it('a real finding is reported: the check is live', async () => {
    const { App, Stack } = await import('aws-cdk-lib');
    const { Queue } = await import('aws-cdk-lib/aws-sqs');
    const stack = new Stack(new App(), 'Probe');
    new Queue(stack, 'Plain');
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(expect.arrayContaining(['AwsSolutions-SQS3', 'AwsSolutions-SQS4']));
  });
});
