import { pipelineRoutes } from '../../../shared/api/routes/pipelines';
import { readWrite } from '../grants';
import { api, serve } from '../module-kit';
import type { ModuleDef } from '../types';

const pipelines = api('pipelines', 'functions/pipelines/pipelines-api.ts', 'Pipelines and their stage rules', readWrite);

export const pipelinesModule: ModuleDef = { functions: [pipelines], routes: serve(pipelines, pipelineRoutes) };
