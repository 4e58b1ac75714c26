import { createLeadSchema, listLeadsQuerySchema, updateLeadSchema } from '../../shared/domain/leads/lead';
import { leads } from '../../shared/services/lead-records';
import { apiRouter } from '../http/api-router';
import { leadPath } from '../http/params';
import { noteRoute, recordRouter, recordRoutes } from '../records/record-routes';
import { convertLeadRoute } from './convert-lead';
import { leadAnswer } from './lead-answer';
import { rejectLeadRoute } from './reject-lead';

/**
 * The leads resource (REC-1) on the records kit (ADR 0020): its routes, duplicates and merge are
 * the kit's, under `{leadId}` and with the lead's own list and answer as documented; rejection and
 * conversion are the lead's commands.
 */
export const handler = apiRouter({
  ...recordRouter('leads', recordRoutes(leads, { create: createLeadSchema, update: updateLeadSchema }, { path: leadPath, list: listLeadsQuerySchema, answer: leadAnswer }), { duplicates: true, param: 'leadId' }),
  'POST /api/leads/{leadId}/reject': rejectLeadRoute,
  'POST /api/leads/{leadId}/convert': convertLeadRoute,
  'POST /api/leads/{leadId}/notes': noteRoute('lead', leadPath),
});
