import { sharingSetSchema } from '../../shared/domain/access/sharing';
import { teamSetSchema } from '../../shared/domain/teams/team';
import { readSharing, saveSharingAs } from '../../shared/services/sharing-service';
import { readTeams, saveTeamsAs } from '../../shared/services/team-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/**
 * Teams (ACC-2): a manager and members; and the sharing of record types beneath the roles'
 * scopes. Both read by managers and admins, set by admins as one versioned setting each.
 */
export const handler = apiRouter({
  'GET /api/teams': apiHandler({ answer: teamSetSchema }, async () => ({ body: await readTeams() })),
  'PUT /api/teams': apiHandler({ body: teamSetSchema, answer: teamSetSchema }, async ({ actor, body }) => ({ body: await saveTeamsAs(actor, body.teams, body.version) })),
  'GET /api/sharing': apiHandler({ answer: sharingSetSchema }, async () => ({ body: await readSharing() })),
  'PUT /api/sharing': apiHandler({ body: sharingSetSchema, answer: sharingSetSchema }, async ({ actor, body }) => ({ body: await saveSharingAs(actor, body) })),
});
