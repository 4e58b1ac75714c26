import { App } from 'aws-cdk-lib';
import { addCrmStack } from '../stack/crm-app';

/**
 * `npx cdk synth -c client=<name>` / `npx cdk deploy -c client=<name>`: the stack `Crm-<name>` for
 * the client company described in infra/clients/<name>.json. Optional context: `webAclId`
 * (WAFv2 web ACL for CloudFront), `certificateArn` (for the client's domainName), `webDist`
 * (another build of the web UI).
 */
const app = new App();
const context = (key: string): string | undefined => {
  const value: unknown = app.node.tryGetContext(key);
  return typeof value === 'string' && value !== '' ? value : undefined;
};

try {
  addCrmStack(app, {
    client: context('client'),
    account: process.env.CDK_DEFAULT_ACCOUNT,
    webDistDir: context('webDist'),
    webAclId: context('webAclId'),
    certificateArn: context('certificateArn'),
  });
} catch (error) {
  // A readable line instead of a stack trace for the usual mistakes (no client, no web build).
  console.error(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
app.synth();
