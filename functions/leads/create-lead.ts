import { createLeadSchema } from '../../shared/domain/leads/lead';
import { createLeadAs } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';

export const createLeadRoute = apiHandler({ body: createLeadSchema }, async ({ actor, body }) => ({
  status: 201,
  body: await createLeadAs(actor, body),
}));
