import { pageOf } from '../../shared/api/contracts';
import { listLeadsQuerySchema } from '../../shared/domain/leads/lead';
import { findLeads } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadAnswer } from './lead-answer';

export const listLeadsRoute = apiHandler({ query: listLeadsQuerySchema, answer: pageOf(leadAnswer) }, async ({ actor, query }) => ({ body: await findLeads(actor, query) }));
