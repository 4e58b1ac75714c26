import { pageOf, timelineEntrySchema } from '../../shared/api/contracts';
import { readLeadTimeline } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadPath, pageQuery } from '../http/params';

export const getLeadTimelineRoute = apiHandler({ path: leadPath, query: pageQuery, answer: pageOf(timelineEntrySchema) }, async ({ actor, path, query }) => ({
  body: await readLeadTimeline(actor, path.leadId, query),
}));
