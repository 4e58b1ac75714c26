import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProviderClient, ListGroupsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { roles } from '../../../shared/auth/roles';
import { provisionCognito, signIn, startCognitoEmulator, type CognitoEmulator } from '../../../infra/local/cognito-emulator';
import { strongPassword } from '../../../shared/auth/strong-password';
import { createJwtAuthorizer } from '../../../infra/local/jwt-authorizer';
import { credentials, region } from './fixtures/definition';

/** cognito-local provisioned like the stack's pool, remembered across restarts of the emulator. */
const dataDir = mkdtempSync(join(tmpdir(), 'cognito-'));
const stateFile = join(dataDir, 'cognito.json');
const adminEmail = 'admin@example.com';
let emulator: CognitoEmulator | undefined;

afterAll(async () => {
  await emulator?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the Cognito emulator', () => {
  it('provisions a pool with one group per role and an admin who signs in with a token the authorizer accepts', async () => {
    emulator = await startCognitoEmulator({ dataDir: join(dataDir, 'emulator') });
    const pool = await provisionCognito({ endpoint: emulator.endpoint, region, stateFile, adminEmail });

    const cognito = new CognitoIdentityProviderClient({ endpoint: emulator.endpoint, region, credentials });
    const { Groups } = await cognito.send(new ListGroupsCommand({ UserPoolId: pool.userPoolId }));
    cognito.destroy();
    expect(Groups!.map((g) => g.GroupName).sort()).toEqual([...roles].sort());

    const tokens = await signIn({ endpoint: emulator.endpoint, region, clientId: pool.clientId }, adminEmail, pool.admin.password);
    const authorizer = await createJwtAuthorizer({ issuer: `${emulator.endpoint}/${pool.userPoolId}`, clientId: pool.clientId });
    expect(authorizer.authorize(`Bearer ${tokens.idToken}`)?.claims).toMatchObject({ email: adminEmail, 'cognito:groups': '[admin]', token_use: 'id' });
    await expect(signIn({ endpoint: emulator.endpoint, region, clientId: pool.clientId }, adminEmail, 'Wrong-password-1')).rejects.toThrow();
  });

  it('reuses the pool and the admin password after a restart on the same data', async () => {
    const first = await provisionCognito({ endpoint: emulator!.endpoint, region, stateFile, adminEmail });
    await emulator!.stop();
    emulator = await startCognitoEmulator({ dataDir: join(dataDir, 'emulator') });
    const again = await provisionCognito({ endpoint: emulator.endpoint, region, stateFile, adminEmail });
    expect(again).toEqual(first);
    await expect(signIn({ endpoint: emulator.endpoint, region, clientId: again.clientId }, adminEmail, again.admin.password)).resolves.toHaveProperty('idToken');
  });

  it('provisions afresh when the remembered pool is gone', async () => {
    const old = await provisionCognito({ endpoint: emulator!.endpoint, region, stateFile, adminEmail });
    await emulator!.stop();
    emulator = await startCognitoEmulator({ dataDir: join(dataDir, 'empty-emulator') });
    const fresh = await provisionCognito({ endpoint: emulator.endpoint, region, stateFile, adminEmail });
    expect(fresh.userPoolId).not.toBe(old.userPoolId);
    await expect(signIn({ endpoint: emulator.endpoint, region, clientId: fresh.clientId }, adminEmail, fresh.admin.password)).resolves.toHaveProperty('idToken');
  });
});

describe('generated passwords', () => {
  it('meet the pool policy: 12+ characters with upper, lower, digit and symbol', () => {
    for (let i = 0; i < 50; i++) {
      const password = strongPassword();
      expect(password).toHaveLength(20);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
  });
});
