import { convertLeadSchema } from '../../shared/domain/leads/lead-conversion';
import { convertLeadAs } from '../../shared/services/lead-conversion-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';

export const convertLeadRoute = apiHandler({ path: leadPath, body: convertLeadSchema }, async ({ actor, path, body }) => ({
  status: 201,
  body: await convertLeadAs(actor, path.leadId, body),
}));
