import { coreRecordRoutes } from './record-routes';
import { signedInRoutes } from './route';

/** Tasks, calls, meetings and logged emails (REC-7). */
export const activityRoutes = signedInRoutes('activities', coreRecordRoutes('activities'));
