import { rejectLeadSchema } from '../../shared/domain/leads/lead';
import { rejectLeadAs } from '../../shared/services/lead-records';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';
import { leadAnswer } from './lead-answer';

export const rejectLeadRoute = apiHandler({ path: leadPath, body: rejectLeadSchema, answer: leadAnswer }, async ({ actor, path, body }) => ({
  body: await rejectLeadAs(actor, path.leadId, body),
}));
