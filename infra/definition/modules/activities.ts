import { activityRoutes } from '../../../shared/api/routes/activities';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const activities = api('activities', 'functions/activities/activities-api.ts', 'Tasks, calls, meetings and logged emails', readWrite);

export const activitiesModule: ModuleDef = { functions: [activities], routes: serve(activities, activityRoutes) };
