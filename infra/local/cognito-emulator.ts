import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
  InitiateAuthCommand,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { roleDescriptions, roles } from '../../shared/auth/roles';
import { envNames } from '../../shared/config/runtime-env';
import { strongPassword } from '../../shared/auth/strong-password';
import { spawnService } from './child-process';
import { answersAs, identityEnv, nodeWithIdentity, startOnOwnPort } from './service-identity';

/**
 * Sign-in on a laptop: cognito-local as a child process (its data under `<dataDir>/.cognito`),
 * and a user pool provisioned like the stack's: email as the user name, an app client without
 * a secret for the browser (USER_PASSWORD_AUTH, refresh), one group per role, and an admin.
 */
export interface CognitoEmulator {
  /** What the SDK and the browser call, e.g. http://127.0.0.1:9229. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Where the emulator mails its codes (password reset), as Cognito does through SES in the cloud. */
export interface CognitoMail {
  sesEndpoint: string;
  senderEmail: string;
  locale: string;
  displayName: string;
}

/** `port`: the one to use when it is free (npm start's usual 9229); otherwise, or without it, any free one. */
export async function startCognitoEmulator(options: { port?: number; dataDir: string; mail?: CognitoMail }): Promise<CognitoEmulator> {
  mkdirSync(options.dataDir, { recursive: true });
  const require = createRequire(import.meta.url);
  // With mail, the emulator runs under cognito-mail-relay.ts, which sends its codes through SES.
  const entry = options.mail ? fileURLToPath(new URL('./cognito-mail-relay.ts', import.meta.url)) : require.resolve('cognito-local/lib/bin/start.js');
  const mailEnv = options.mail
    ? {
        AWS_ENDPOINT_URL_SESV2: options.mail.sesEndpoint,
        AWS_REGION: process.env.AWS_REGION ?? 'eu-central-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        [envNames.senderEmail]: options.mail.senderEmail,
        [envNames.locale]: options.mail.locale,
        [envNames.displayName]: options.mail.displayName,
      }
    : {};
  // HOST decides the token issuer (http://127.0.0.1:<port>/<poolId>) as well as the listening
  // address: 127.0.0.1, not localhost, so the address probed is the one bound and called.
  const endpointOn = (port: number) => `http://127.0.0.1:${port}`;
  const { port, service } = await startOnOwnPort('cognito-local', options.port, (port, identity) => ({
    // The write guard enforces what cognito-local does not: the app client's WriteAttributes (cognito-write-guard.ts).
    service: spawnService(process.execPath, [...nodeWithIdentity(), '--import', new URL('./cognito-write-guard.ts', import.meta.url).href, entry], {
      cwd: options.dataDir,
      env: { ...process.env, ...mailEnv, PORT: String(port), HOST: '127.0.0.1', [identityEnv]: identity },
    }),
    isOurs: answersAs(`${endpointOn(port)}/health`, identity),
  }));
  return { endpoint: endpointOn(port), stop: service.stop };
}

/**
 * What the web app's client may write and read, as the stack's (infra/stack/constructs/user-directory.ts):
 * a user writes their email and name, never their portal account.
 */
export const webClientAttributes = { write: ['email', 'name'], read: ['email', 'email_verified', 'name', 'custom:accountId'] };

export interface CognitoPool {
  userPoolId: string;
  clientId: string;
  admin: { email: string; password: string };
}

/**
 * Provisions the pool once and remembers it in `stateFile`; later starts reuse it (and the admin
 * password) as long as the emulator still knows the pool.
 */
export async function provisionCognito(options: { endpoint: string; region: string; stateFile: string; adminEmail: string }): Promise<CognitoPool> {
  const cognito = cognitoClient(options.endpoint, options.region);
  try {
    const saved = existsSync(options.stateFile) ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as CognitoPool) : undefined;
    if (saved && saved.admin.email === options.adminEmail && (await poolExists(cognito, saved))) {
      // A pool provisioned before the client named its attributes gets them now.
      await cognito.send(
        new UpdateUserPoolClientCommand({ UserPoolId: saved.userPoolId, ClientId: saved.clientId, WriteAttributes: webClientAttributes.write, ReadAttributes: webClientAttributes.read }),
      );
      return saved;
    }

    const { UserPool } = await cognito.send(
      new CreateUserPoolCommand({
        PoolName: 'crm-local',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        Schema: [
          { Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true },
          { Name: 'accountId', AttributeDataType: 'String', Mutable: true },
        ],
        Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      }),
    );
    const userPoolId = UserPool!.Id!;
    const { UserPoolClient } = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'web',
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        WriteAttributes: webClientAttributes.write,
        ReadAttributes: webClientAttributes.read,
      }),
    );
    // Lower precedence wins when a token carries one role: admin first, as in the stack.
    for (const [precedence, role] of roles.entries()) {
      await cognito.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: role, Description: roleDescriptions[role], Precedence: precedence }));
    }
    const password = strongPassword();
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: options.adminEmail,
        TemporaryPassword: strongPassword(),
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: options.adminEmail },
          { Name: 'email_verified', Value: 'true' },
        ],
      }),
    );
    await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: options.adminEmail, Password: password, Permanent: true }));
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: options.adminEmail, GroupName: 'admin' }));

    const pool: CognitoPool = { userPoolId, clientId: UserPoolClient!.ClientId!, admin: { email: options.adminEmail, password } };
    writeFileSync(options.stateFile, `${JSON.stringify(pool, null, 2)}\n`, { mode: 0o600 });
    return pool;
  } finally {
    cognito.destroy();
  }
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

/** Signs in as the web UI does (USER_PASSWORD_AUTH against the emulator). */
export async function signIn(options: { endpoint: string; region: string; clientId: string }, email: string, password: string): Promise<Tokens> {
  const cognito = cognitoClient(options.endpoint, options.region);
  try {
    const { AuthenticationResult: result } = await cognito.send(
      new InitiateAuthCommand({ ClientId: options.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    if (!result?.IdToken || !result.AccessToken || !result.RefreshToken) throw new Error(`Sign-in of ${email} returned no tokens (a challenge?)`);
    return { idToken: result.IdToken, accessToken: result.AccessToken, refreshToken: result.RefreshToken };
  } finally {
    cognito.destroy();
  }
}

function cognitoClient(endpoint: string, region: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

async function poolExists(cognito: CognitoIdentityProviderClient, pool: CognitoPool): Promise<boolean> {
  try {
    await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.userPoolId, ClientId: pool.clientId }));
    return true;
  } catch {
    return false;
  }
}

