import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { isRole, type Role } from '../auth/roles';
import { env } from '../config/runtime-env';
import { DomainError } from '../domain/common/errors';

/**
 * The Cognito user pool, administered (ACC-1, ACC-5): the identities the CRM invites, the groups
 * that are its roles, and the switch that stops a user signing in. Cognito's user name in a pool
 * with email sign-in is the `sub`, which is also the CRM's user id. Locally the SDK reaches
 * cognito-local through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER.
 */
let client: CognitoIdentityProviderClient | undefined;
const cognito = () => (client ??= new CognitoIdentityProviderClient({}));
const pool = () => env('userPoolId');

export interface NewPoolUser {
  email: string;
  name?: string;
  /** A portal user's company (the `custom:accountId` attribute, which only admins may write). */
  accountId?: string;
  temporaryPassword: string;
}

/**
 * Creates the user with a temporary password and no message from Cognito: the CRM mails its own
 * invitation. The user must choose a password at first sign-in (FORCE_CHANGE_PASSWORD).
 */
export async function createPoolUser(user: NewPoolUser): Promise<{ id: string }> {
  try {
    const { User } = await cognito().send(
      new AdminCreateUserCommand({
        UserPoolId: pool(),
        Username: user.email,
        TemporaryPassword: user.temporaryPassword,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: user.email },
          // The address is the one the admin typed and the invitation goes to: it is proven at first sign-in.
          { Name: 'email_verified', Value: 'true' },
          ...(user.name ? [{ Name: 'name', Value: user.name }] : []),
          ...(user.accountId ? [{ Name: 'custom:accountId', Value: user.accountId }] : []),
        ],
      }),
    );
    const id = User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? User?.Username;
    if (!id) throw new Error('Cognito created the user but returned no sub');
    return { id };
  } catch (error) {
    if (error instanceof UsernameExistsException) {
      throw new DomainError('conflict', 'A user with this email already exists', { fields: [{ path: 'email', message: 'already a user', code: 'exists' }] });
    }
    throw error;
  }
}

/** Whether the user still has to choose a password (an invitation not yet taken up). */
export async function awaitsFirstSignIn(id: string): Promise<boolean> {
  const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: pool(), Username: id }));
  return user.UserStatus === 'FORCE_CHANGE_PASSWORD';
}

/** A user's `custom:accountId` (a portal user's company), or undefined: no such attribute, or no such user. */
export async function poolUserAccountId(id: string): Promise<string | undefined> {
  try {
    const user = await cognito().send(new AdminGetUserCommand({ UserPoolId: pool(), Username: id }));
    return user.UserAttributes?.find((a) => a.Name === 'custom:accountId')?.Value;
  } catch (error) {
    if (error instanceof UserNotFoundException) return undefined;
    throw error;
  }
}

/** A new temporary password for a user who has not signed in yet (the invitation is sent again). */
export async function resetTemporaryPassword(id: string, temporaryPassword: string): Promise<void> {
  await cognito().send(new AdminSetUserPasswordCommand({ UserPoolId: pool(), Username: id, Password: temporaryPassword, Permanent: false }));
}

export async function poolUserRoles(id: string): Promise<Role[]> {
  const { Groups } = await cognito().send(new AdminListGroupsForUserCommand({ UserPoolId: pool(), Username: id, Limit: 60 }));
  return (Groups ?? []).map((g) => g.GroupName ?? '').filter(isRole);
}

/** Makes the user's groups exactly `roles`: adds the missing ones, removes the rest. */
export async function setPoolUserRoles(id: string, roles: readonly Role[]): Promise<void> {
  const current = await poolUserRoles(id);
  for (const role of roles.filter((r) => !current.includes(r))) {
    await cognito().send(new AdminAddUserToGroupCommand({ UserPoolId: pool(), Username: id, GroupName: role }));
  }
  for (const role of current.filter((r) => !roles.includes(r))) {
    await cognito().send(new AdminRemoveUserFromGroupCommand({ UserPoolId: pool(), Username: id, GroupName: role }));
  }
}

/**
 * Disabling also revokes the user's refresh tokens in Cognito; the CRM refuses their ID token
 * itself. A directory entry whose Cognito user is gone has nothing to switch: the CRM's own
 * switch still holds.
 */
export async function setPoolUserEnabled(id: string, enabled: boolean): Promise<void> {
  try {
    await cognito().send(enabled ? new AdminEnableUserCommand({ UserPoolId: pool(), Username: id }) : new AdminDisableUserCommand({ UserPoolId: pool(), Username: id }));
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
  }
}
