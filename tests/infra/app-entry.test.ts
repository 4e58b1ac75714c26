import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { addCrmStack, knownClients } from '../../infra/stack/crm-app';
import { repoRoot } from '../../infra/stack/repo-root';
import { fakeWebDist } from './support/synth';

/** Runs infra/bin/app.ts the way the cdk CLI does (context in CDK_CONTEXT_JSON, assembly in CDK_OUTDIR). */
function runCdkApp(context: Record<string, unknown>) {
  return spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'infra', 'bin', 'app.ts')], {
    cwd: repoRoot,
    env: { ...process.env, CDK_CONTEXT_JSON: JSON.stringify(context), CDK_OUTDIR: mkdtempSync(join(tmpdir(), 'crm-cdk-out-')) },
    encoding: 'utf8',
  });
}

describe('cdk app entry', () => {
  it('knows the clients from infra/clients', () => {
    expect(knownClients()).toEqual(expect.arrayContaining(['acme', 'local', 'steppe']));
  });

  it('without -c client, stops with a message naming the known clients', () => {
    const run = runCdkApp({});
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npx cdk synth -c client=<name>');
    expect(run.stderr).toContain('acme, local, steppe');
  });

  it('with an unknown client, names the known ones', () => {
    const run = runCdkApp({ client: 'nobody' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Unknown client "nobody"');
    expect(run.stderr).toContain('acme');
  });

  it('without a web build, says to run npm run build:web', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    expect(() => addCrmStack(app, { client: 'acme', webDistDir: join(tmpdir(), 'no-such-web-dist') })).toThrow(/npm run build:web/);
  });

  it('a custom domain needs its certificate, and then serves the app on it with TLS 1.2', () => {
    const app = () => new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const dir = mkdtempSync(join(tmpdir(), 'crm-clients-'));
    writeFileSync(
      join(dir, 'dom.json'),
      JSON.stringify({ name: 'dom', displayName: 'Dom', locale: 'en', currency: 'EUR', timeZone: 'Europe/Berlin', senderEmail: 'crm@dom.example', adminEmail: 'it@dom.example', domainName: 'crm.dom.example' }),
    );
    expect(() => addCrmStack(app(), { client: 'dom', clientsDir: dir, webDistDir: fakeWebDist() })).toThrow(/certificateArn/);

    const certificateArn = 'arn:aws:acm:us-east-1:111111111111:certificate/abc';
    const template = Template.fromStack(addCrmStack(app(), { client: 'dom', clientsDir: dir, webDistDir: fakeWebDist(), certificateArn }));
    template.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['crm.dom.example'],
        ViewerCertificate: { AcmCertificateArn: certificateArn, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
      }),
    });
    template.hasOutput('AppUrl', { Value: 'https://crm.dom.example' });
  });
});
