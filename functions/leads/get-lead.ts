import { readLead } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';

export const getLeadRoute = apiHandler({ path: leadPath }, async ({ actor, path }) => ({ body: await readLead(actor, path.leadId) }));
