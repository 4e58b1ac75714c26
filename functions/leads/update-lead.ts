import { updateLeadSchema } from '../../shared/domain/leads/lead';
import { updateLeadAs } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';
import { leadAnswer } from './lead-answer';

export const updateLeadRoute = apiHandler({ path: leadPath, body: updateLeadSchema, answer: leadAnswer }, async ({ actor, path, body }) => ({
  body: await updateLeadAs(actor, path.leadId, body),
}));
