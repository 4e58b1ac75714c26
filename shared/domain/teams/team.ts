import * as z from 'zod';
import { trimmed } from '../common/values';

/**
 * Sales and service teams (ACC-2): a manager and members. A manager whose role grants `team`
 * scope sees and works the records of the members; the teams are one versioned set, edited by
 * admins like the custom field definitions.
 */
const userId = z.string().min(1).max(128);

export const teamSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'an id such as moscow-sales'),
    name: trimmed(100),
    managerId: userId,
    memberIds: z.array(userId).max(100).default([]),
  })
  .superRefine((team, ctx) => {
    team.memberIds.forEach((id, i) => team.memberIds.indexOf(id) !== i && ctx.addIssue({ code: 'custom', path: ['memberIds', i], message: 'listed twice' }));
  });
export type Team = z.infer<typeof teamSchema>;

export const teamSetSchema = z
  .strictObject({ teams: z.array(teamSchema).max(100), version: z.number().int().nonnegative() })
  .superRefine((set, ctx) => {
    const ids = set.teams.map((t) => t.id);
    ids.forEach((id, i) => ids.indexOf(id) !== i && ctx.addIssue({ code: 'custom', path: ['teams', i, 'id'], message: 'ids must be unique' }));
  });
export type TeamSet = z.infer<typeof teamSetSchema>;
