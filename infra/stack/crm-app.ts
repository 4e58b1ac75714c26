import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Validations, type App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { clientsDir, loadClientConfig } from '../config/client-config';
import { app as definition } from '../definition/app';
import { CrmStack, stackName } from './crm-stack';
import { repoRoot } from './repo-root';

export interface CrmAppOptions {
  /** Client name: `infra/clients/<client>.json`. */
  readonly client: string | undefined;
  readonly clientsDir?: string;
  /** Defaults to the repository's `web/dist`. */
  readonly webDistDir?: string;
  readonly account?: string;
  readonly webAclId?: string;
  readonly certificateArn?: string;
}

export const knownClients = (dir = clientsDir): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

/**
 * Adds one client's stack to the app and the cdk-nag AwsSolutions checks (cdk-nag 3 runs as a
 * CDK policy-validation plugin: an unacknowledged error fails `cdk synth`).
 */
export function addCrmStack(app: App, options: CrmAppOptions): CrmStack {
  const dir = options.clientsDir ?? clientsDir;
  if (!options.client) {
    throw new Error(`Name the client company to synthesize: npx cdk synth -c client=<name>. Known clients: ${knownClients(dir).join(', ')}`);
  }
  const client = loadClientConfig(options.client, dir);
  const stack = new CrmStack(app, stackName(client.name), {
    env: { account: options.account, region: client.region },
    client,
    definition,
    webDistDir: options.webDistDir ?? join(repoRoot, 'web', 'dist'),
    webAclId: options.webAclId,
    certificateArn: options.certificateArn,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
