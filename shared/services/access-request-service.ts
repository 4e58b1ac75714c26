import type { AccessRequest } from '../api/contracts';
import { sendEmail } from '../adapters/email-sender';
import { poolUserRoles, setPoolUserRoles } from '../adapters/user-pool';
import { assertCan } from '../auth/assert-can';
import { scopeOf } from '../auth/permissions';
import { isRole, type Role } from '../auth/roles';
import { workspace } from '../config/workspace';
import { decideAccessRequest, getAccessRequest, listAccessRequests, putAccessRequest } from '../data/access-requests-repository';
import { getUser, listUsers, setUserRoles } from '../data/users-repository';
import type { FileAccessRequestInput } from '../domain/access/access-request';
import { actorRef, type Actor } from '../domain/common/actor';
import { newId, systemClock, type Clock } from '../domain/common/clock';
import { DomainError, notFound } from '../domain/common/errors';
import { accessRequestDecidedEmail, accessRequestFiledEmail } from '../notifications/account-emails';

/** Access requests (ACC-5): staff file them for themselves; admins grant or decline them. */

export async function fileAccessRequestAs(actor: Actor, input: FileAccessRequestInput, clock: Clock = systemClock): Promise<AccessRequest> {
  assertCan(actor, 'access-requests', 'create');
  if (actor.type !== 'user' || actor.apiKeyId) throw new DomainError('forbidden', 'Only people file access requests');
  const missing = input.roles.filter((role) => !actor.roles.includes(role));
  if (!missing.length) throw new DomainError('unprocessable', 'You already have these roles', { fields: [{ path: 'roles', message: 'already yours', code: 'held' }] });
  const now = clock.now();
  const request: AccessRequest = {
    id: newId(now),
    requester: { ...actorRef(actor), ...(actor.email ? { email: actor.email } : {}) },
    roles: missing,
    reason: input.reason,
    status: 'open',
    createdAt: now.toISOString(),
  };
  if (!(await putAccessRequest(request))) {
    throw new DomainError('conflict', 'You already have an open access request', { fields: [{ path: 'roles', message: 'an open request exists', code: 'open_request' }] });
  }
  // Every active admin hears of it; a failed email does not undo the request, which waits on the admin page.
  const admins = (await listUsers()).filter((user) => user.roles.includes('admin') && !user.disabledAt);
  const space = workspace();
  const who = request.requester.name ?? request.requester.id;
  await Promise.allSettled(admins.map((admin) => sendEmail(accessRequestFiledEmail({ to: admin.email, requester: who, roles: request.roles, reason: request.reason }, space))));
  return request;
}

/** Admins see every request, anyone else their own; newest first, optionally of one status. */
export async function listAccessRequestsAs(actor: Actor, status?: AccessRequest['status']): Promise<{ items: AccessRequest[] }> {
  assertCan(actor, 'access-requests', 'read');
  const scope = actor.type === 'user' ? scopeOf(actor.roles, 'access-requests', 'read') : 'all';
  const items = await listAccessRequests(scope === 'all' ? undefined : actor.id);
  return { items: status ? items.filter((r) => r.status === status) : items };
}

export async function decideAccessRequestAs(actor: Actor, id: string, granted: boolean, note: string | undefined, clock: Clock = systemClock): Promise<AccessRequest> {
  assertCan(actor, 'access-requests', 'manage');
  const request = await getAccessRequest(id);
  if (!request) throw notFound('Access request');
  if (request.status !== 'open') throw alreadyDecided();
  const decided: AccessRequest = { ...request, status: granted ? 'granted' : 'declined', decidedAt: clock.now().toISOString(), decidedBy: actorRef(actor), ...(note ? { note } : {}) };
  if (granted) {
    const user = await getUser(request.requester.id);
    if (!user || user.disabledAt) throw new DomainError('unprocessable', 'The requester is no longer an active user', { fields: [{ path: 'requestId', message: 'requester inactive', code: 'inactive' }] });
    const current = await poolUserRoles(user.id);
    const roles: Role[] = [...new Set([...current, ...request.roles.filter(isRole)])];
    await setPoolUserRoles(user.id, roles);
    await setUserRoles(user.id, roles, clock.now());
  }
  if (!(await decideAccessRequest(decided))) throw alreadyDecided();
  const to = request.requester.email;
  if (to) await sendEmail(accessRequestDecidedEmail({ to, granted, roles: request.roles, ...(note ? { note } : {}) }, workspace())).catch(() => undefined);
  return decided;
}

const alreadyDecided = () => new DomainError('conflict', 'This request has already been decided', { fields: [{ path: 'requestId', message: 'already decided', code: 'decided' }] });
