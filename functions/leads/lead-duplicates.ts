import { duplicateCandidateOf, itemsOf } from '../../shared/api/contracts';
import { mergeInputSchema } from '../../shared/domain/duplicates/merge';
import { leadDuplicates, mergeLeadsAs } from '../../shared/services/lead-duplicates-service';
import { apiHandler } from '../http/api-handler';
import { leadPath } from '../http/params';
import { duplicatesViewRoutes } from '../records/record-routes';
import { leadAnswer } from './lead-answer';

/** A lead's possible duplicates, and the merge of one into it (REC-12). */
export const leadDuplicatesRoute = apiHandler({ path: leadPath, answer: itemsOf(duplicateCandidateOf(leadAnswer)) }, async ({ actor, path }) => ({ body: await leadDuplicates(actor, path.leadId) }));

export const mergeLeadRoute = apiHandler({ path: leadPath, body: mergeInputSchema, answer: leadAnswer }, async ({ actor, path, body }) => ({ body: await mergeLeadsAs(actor, path.leadId, body) }));

/** The leads' duplicates view, as accounts and contacts have theirs. */
export const { duplicatesOfType: leadPairsRoute, dismissDuplicates: dismissLeadPairRoute } = duplicatesViewRoutes('lead');
