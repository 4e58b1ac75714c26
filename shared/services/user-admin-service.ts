import type { UserSummary } from '../api/contracts';
import { sendEmail } from '../adapters/email-sender';
import { awaitsFirstSignIn, createPoolUser, resetTemporaryPassword, setPoolUserEnabled, setPoolUserRoles } from '../adapters/user-pool';
import { assertCan } from '../auth/assert-can';
import type { Role } from '../auth/roles';
import { strongPassword } from '../auth/strong-password';
import { workspace } from '../config/workspace';
import { getRecord } from '../data/records-repository';
import { getTeams, putTeams } from '../data/teams-repository';
import { createUser, getUser, putUser, setUserDisabled, setUserRoles } from '../data/users-repository';
import { accountKind } from '../domain/accounts/account';
import { actorRef, type Actor } from '../domain/common/actor';
import { systemClock, type Clock } from '../domain/common/clock';
import { DomainError, invalidField, notFound } from '../domain/common/errors';
import type { Invitation } from '../domain/users/invitation';
import { invitationEmail } from '../notifications/account-emails';

/**
 * Administering people (ACC-1, ACC-5): invitations, roles and disabling, in Cognito (who can sign
 * in, with which groups) and in the CRM's user directory (who records can be assigned to, and the
 * switch every request is checked against) — the directory first when access is taken away, so it
 * is gone at the next request even if Cognito is slow to follow.
 */

/** The inviter as the invitee knows them: the token's name, else the directory's, else the email. */
const inviterName = async (actor: Actor): Promise<string> =>
  actor.name ?? (await getUser(actor.id))?.name ?? (actor.type === 'user' ? actor.email : undefined) ?? 'CRM';

export async function inviteUserAs(actor: Actor, invite: Invitation, clock: Clock = systemClock): Promise<UserSummary> {
  assertCan(actor, 'users', 'manage');
  if (invite.teamId && !(await getTeams()).teams.some((t) => t.id === invite.teamId)) throw invalidField('teamId', 'no such team', 'unknown_team');
  if (invite.accountId && !(await getRecord(accountKind, invite.accountId))) throw invalidField('accountId', 'no such account', 'unknown_account');

  const temporaryPassword = strongPassword();
  const { id } = await createPoolUser({ email: invite.email, ...(invite.name ? { name: invite.name } : {}), ...(invite.accountId ? { accountId: invite.accountId } : {}), temporaryPassword });
  await setPoolUserRoles(id, invite.roles);
  const user: UserSummary = {
    id,
    email: invite.email,
    ...(invite.name ? { name: invite.name } : {}),
    roles: [...invite.roles],
    // The directory, not the token, says which account a portal user serves (ADR 0013).
    ...(invite.accountId ? { accountId: invite.accountId } : {}),
    invitedAt: clock.now().toISOString(),
    invitedBy: actorRef(actor),
  };
  if (!(await createUser(user))) throw new DomainError('conflict', 'This user is already in the directory', { fields: [{ path: 'email', message: 'already a user', code: 'exists' }] });
  if (invite.teamId) await joinTeam(invite.teamId, id);
  await sendEmail(invitationEmail({ to: invite.email, inviter: await inviterName(actor), temporaryPassword, roles: user.roles }, workspace()));
  return user;
}

/** A fresh temporary password, mailed again, for someone who has not signed in yet. */
export async function resendInvitationAs(actor: Actor, userId: string, clock: Clock = systemClock): Promise<UserSummary> {
  assertCan(actor, 'users', 'manage');
  const user = await getUser(userId);
  if (!user) throw notFound('User');
  if (user.lastSignInAt || !(await awaitsFirstSignIn(userId))) {
    throw new DomainError('conflict', 'This user has already signed in and chosen a password', { fields: [{ path: 'userId', message: 'already signed in', code: 'signed_in' }] });
  }
  const temporaryPassword = strongPassword();
  await resetTemporaryPassword(userId, temporaryPassword);
  const resent: UserSummary = { ...user, invitedAt: clock.now().toISOString(), invitedBy: actorRef(actor) };
  await putUser(resent);
  await sendEmail(invitationEmail({ to: user.email, inviter: await inviterName(actor), temporaryPassword, roles: user.roles }, workspace()));
  return resent;
}

/** Replaces the user's roles; tokens issued before are refused from the next request on. */
export async function setRolesAs(actor: Actor, userId: string, roles: readonly Role[], clock: Clock = systemClock): Promise<UserSummary> {
  assertCan(actor, 'users', 'manage');
  if (actor.id === userId && !roles.includes('admin')) {
    throw new DomainError('unprocessable', 'You cannot take the admin role from yourself', { fields: [{ path: 'roles', message: 'keep your own admin role', code: 'self' }] });
  }
  const user = await getUser(userId);
  if (!user) throw notFound('User');
  await setPoolUserRoles(userId, roles);
  await setUserRoles(userId, roles, clock.now());
  return { ...user, roles: [...roles] };
}

/**
 * Disables or enables a user (ACC-1). A disabled user's token is refused from their next request
 * on (the audit write checks it) and Cognito no longer signs them in or refreshes their tokens;
 * an admin cannot lock themselves out.
 */
export async function setUserDisabledAs(actor: Actor, userId: string, disabled: boolean, clock: Clock = systemClock): Promise<UserSummary> {
  assertCan(actor, 'users', 'manage');
  if (disabled && actor.id === userId) throw new DomainError('unprocessable', 'You cannot disable yourself', { fields: [{ path: 'userId', message: 'yourself', code: 'self' }] });
  if (!(await getUser(userId))) throw notFound('User');
  if (disabled) {
    await setUserDisabled(userId, clock.now().toISOString());
    await setPoolUserEnabled(userId, false);
  } else {
    await setPoolUserEnabled(userId, true);
    await setUserDisabled(userId, undefined);
  }
  return (await getUser(userId))!;
}

/** Adds a member to a team, re-reading the set when someone saved it in between. */
async function joinTeam(teamId: string, userId: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const set = await getTeams(true);
    const teams = set.teams.map((t) => (t.id === teamId && !t.memberIds.includes(userId) ? { ...t, memberIds: [...t.memberIds, userId] } : t));
    if (await putTeams({ teams, version: set.version })) return;
  }
  throw new DomainError('version_conflict', 'The teams kept changing; add the user to the team on the Teams page');
}
