import { listLeadsQuerySchema } from '../../shared/domain/leads/lead';
import { findLeads } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';

export const listLeadsRoute = apiHandler({ query: listLeadsQuerySchema }, async ({ actor, query }) => ({ body: await findLeads(actor, query) }));
