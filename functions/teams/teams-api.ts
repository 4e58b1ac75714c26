import { teamSetSchema } from '../../shared/domain/teams/team';
import { readTeams, saveTeamsAs } from '../../shared/services/team-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Teams (ACC-2): a manager and members; read by managers and admins, set by admins as one versioned set. */
export const handler = apiRouter({
  'GET /api/teams': apiHandler({}, async () => ({ body: await readTeams() })),
  'PUT /api/teams': apiHandler({ body: teamSetSchema }, async ({ actor, body }) => ({ body: await saveTeamsAs(actor, body.teams, body.version) })),
});
