import * as z from 'zod';
import { userSummarySchema } from '../../shared/api/contracts';
import { invitationSchema, roleChangeSchema } from '../../shared/domain/users/invitation';
import { inviteUserAs, resendInvitationAs, setRolesAs, setUserDisabledAs } from '../../shared/services/user-admin-service';
import { apiHandler } from '../http/api-handler';

/** Admins invite users, change their roles, disable and enable them (ACC-1, ACC-5). */
const userPath = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a user id') });

export const inviteUserRoute = apiHandler({ body: invitationSchema, answer: userSummarySchema, status: 201, conflicts: true }, async ({ actor, body }) => ({ status: 201, body: await inviteUserAs(actor, body) }));
export const resendInvitationRoute = apiHandler({ path: userPath, answer: userSummarySchema, conflicts: true }, async ({ actor, path }) => ({ body: await resendInvitationAs(actor, path.userId) }));
export const setRolesRoute = apiHandler({ path: userPath, body: roleChangeSchema, answer: userSummarySchema }, async ({ actor, path, body }) => ({ body: await setRolesAs(actor, path.userId, body.roles) }));
export const disableUserRoute = apiHandler({ path: userPath, answer: userSummarySchema }, async ({ actor, path }) => ({ body: await setUserDisabledAs(actor, path.userId, true) }));
export const enableUserRoute = apiHandler({ path: userPath, answer: userSummarySchema }, async ({ actor, path }) => ({ body: await setUserDisabledAs(actor, path.userId, false) }));
