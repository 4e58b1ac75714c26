import { readLead } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';
import { leadAnswer } from './lead-answer';

export const getLeadRoute = apiHandler({ path: leadPath, answer: leadAnswer }, async ({ actor, path }) => ({ body: await readLead(actor, path.leadId) }));
