import { createLeadSchema } from '../../shared/domain/leads/lead';
import { createLeadAs } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadAnswer } from './lead-answer';

export const createLeadRoute = apiHandler({ body: createLeadSchema, answer: leadAnswer, status: 201 }, async ({ actor, body }) => ({
  status: 201,
  body: await createLeadAs(actor, body),
}));
