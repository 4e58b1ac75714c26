import { createActivitySchema, updateActivitySchema } from '../../shared/domain/activities/activity';
import { activities } from '../../shared/services/activity-service';
import { apiRouter } from '../http/api-router';
import { recordRouter, recordRoutes } from '../records/record-routes';

/** Activities (REC-7): list a record's with `parentType` and `parentId`, or anyone's by owner and status. */
export const handler = apiRouter(recordRouter('activities', recordRoutes(activities, { create: createActivitySchema, update: updateActivitySchema })));
