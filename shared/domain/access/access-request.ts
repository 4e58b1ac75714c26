import * as z from 'zod';
import { trimmed } from '../common/values';
import { roleSetSchema } from '../users/invitation';

/**
 * Access requests (ACC-5): a staff user asks for roles they do not have, with a reason; an admin
 * grants (the roles are added in Cognito and the directory) or declines, and the requester is
 * told by email. One open request per user at a time.
 */
export const fileAccessRequestSchema = z.strictObject({
  roles: roleSetSchema.refine((list) => !list.includes('portal-user'), 'staff roles only'),
  reason: trimmed(1000),
});
export type FileAccessRequestInput = z.infer<typeof fileAccessRequestSchema>;

export const decideAccessRequestSchema = z.strictObject({ note: trimmed(1000).optional() });

export const accessRequestStatuses = ['open', 'granted', 'declined'] as const;
export const listAccessRequestsSchema = z.strictObject({ status: z.enum(accessRequestStatuses).optional() });
