import { apiRouter } from '../http/api-router';
import { addLeadNoteRoute } from './add-lead-note';
import { convertLeadRoute } from './convert-lead';
import { createLeadRoute } from './create-lead';
import { getLeadTimelineRoute } from './get-lead-timeline';
import { getLeadRoute } from './get-lead';
import { dismissLeadPairRoute, leadDuplicatesRoute, leadPairsRoute, mergeLeadRoute } from './lead-duplicates';
import { listLeadsRoute } from './list-leads';
import { rejectLeadRoute } from './reject-lead';
import { updateLeadRoute } from './update-lead';

/** The leads resource (REC-1), with conversion into a deal and the merge of duplicates. */
export const handler = apiRouter({
  'GET /api/leads': listLeadsRoute,
  'POST /api/leads': createLeadRoute,
  'GET /api/leads/{leadId}': getLeadRoute,
  'PATCH /api/leads/{leadId}': updateLeadRoute,
  'POST /api/leads/{leadId}/reject': rejectLeadRoute,
  'GET /api/leads/{leadId}/timeline': getLeadTimelineRoute,
  'POST /api/leads/{leadId}/convert': convertLeadRoute,
  'POST /api/leads/{leadId}/notes': addLeadNoteRoute,
  'GET /api/leads/duplicates': leadPairsRoute,
  'POST /api/leads/duplicates/dismiss': dismissLeadPairRoute,
  'GET /api/leads/{leadId}/duplicates': leadDuplicatesRoute,
  'POST /api/leads/{leadId}/merge': mergeLeadRoute,
});
