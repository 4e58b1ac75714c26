import * as z from 'zod';
import { roles, type Role } from '../../auth/roles';
import { emailSchema, recordIdSchema, trimmed } from '../common/values';

/**
 * Who may be given which roles (ACC-1): at least one, each once; a portal user (ACC-3) is only a
 * portal user — staff roles and a client's account never mix on one person.
 */
export const roleSetSchema = z
  .array(z.enum(roles, { message: `one of ${roles.join(', ')}` }))
  .min(1, 'at least one role')
  .max(roles.length)
  .superRefine((list, ctx) => {
    list.forEach((role, i) => list.indexOf(role) !== i && ctx.addIssue({ code: 'custom', path: [i], message: 'listed twice' }));
    if (list.includes('portal-user') && list.length > 1) ctx.addIssue({ code: 'custom', message: 'a portal user has no other role' });
  });

/** `POST /api/users/invitations`. */
export const invitationSchema = z
  .strictObject({
    email: emailSchema,
    name: trimmed(100).optional(),
    roles: roleSetSchema,
    teamId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a team id').optional(),
    accountId: recordIdSchema.optional(),
  })
  .superRefine((invite, ctx) => {
    const portal = invite.roles.includes('portal-user');
    if (portal && !invite.accountId) ctx.addIssue({ code: 'custom', path: ['accountId'], message: "required for a portal user: the client's account" });
    if (!portal && invite.accountId) ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'only portal users belong to an account' });
    if (portal && invite.teamId) ctx.addIssue({ code: 'custom', path: ['teamId'], message: 'portal users are not in teams' });
  });
export type Invitation = z.infer<typeof invitationSchema>;

/** `PUT /api/users/{userId}/roles`. */
export const roleChangeSchema = z.strictObject({ roles: roleSetSchema });

export const isStaff = (list: readonly Role[]): boolean => !list.includes('portal-user');
