import { readLeadTimeline } from '../../shared/services/lead-service';
import { apiHandler } from '../http/api-handler';
import { leadPath, pageQuery } from '../http/params';

export const getLeadTimelineRoute = apiHandler({ path: leadPath, query: pageQuery }, async ({ path, query }) => ({
  body: await readLeadTimeline(path.leadId, query),
}));
