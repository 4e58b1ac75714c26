import { signedInRoutes } from './route';

/** Pipelines and their stage rules (REC-10). */
export const pipelineRoutes = signedInRoutes('pipelines', { 'GET /api/pipelines': 'read', 'GET /api/pipelines/{pipelineId}': 'read', 'PUT /api/pipelines/{pipelineId}': 'manage' });
