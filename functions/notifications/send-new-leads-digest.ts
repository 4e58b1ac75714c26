import { sendNewLeadsDigest } from '../../shared/services/new-leads-digest';
import { scheduleHandler } from '../handlers/schedule-handler';

/** Schedule `new-leads-morning-digest`: owners hear of their leads still waiting for first contact. */
export const handler = scheduleHandler('new-leads-digest-run', (_run, tools) => sendNewLeadsDigest(tools.now()));
