import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { provisionCognito, startCognitoEmulator } from '../../infra/local/cognito-emulator';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { startSesEmulator } from '../../infra/local/ses-emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    sesEndpoint: string;
    cognitoEndpoint: string;
    userPoolId: string;
    userPoolClientId: string;
  }
}

/**
 * The real parts the integration run shares: one DynamoDB Local (in memory), the SES emulator
 * (its mail store is what tests read) and cognito-local with a pool provisioned like the stack's.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cognitoDir = mkdtempSync(join(tmpdir(), 'crm-test-cognito-'));
  const [dynamo, ses, cognito] = await Promise.all([
    // Any free ports, each checked to be our own child's (ADR 0016): tests run beside a started CRM.
    startDynamoDbLocal(),
    startSesEmulator(),
    startCognitoEmulator({ dataDir: cognitoDir }),
  ]);
  const pool = await provisionCognito({ endpoint: cognito.endpoint, region: 'eu-central-1', stateFile: join(cognitoDir, 'pool.json'), adminEmail: 'first-admin@crm.test' });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('sesEndpoint', ses.endpoint);
  project.provide('cognitoEndpoint', cognito.endpoint);
  project.provide('userPoolId', pool.userPoolId);
  project.provide('userPoolClientId', pool.clientId);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop(), cognito.stop()]);
    rmSync(cognitoDir, { recursive: true, force: true });
  };
}
