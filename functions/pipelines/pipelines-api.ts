import * as z from 'zod';
import { pipelineSchema } from '../../shared/domain/deals/pipeline';
import { findPipelines, readPipeline, savePipelineAs } from '../../shared/services/pipeline-service';
import { apiHandler } from '../http/api-handler';
import { apiRouter } from '../http/api-router';

/** Pipelines and their stage rules (REC-10). */
const pipelinePath = z.object({ pipelineId: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, 'a pipeline id') });
const putBody = z.strictObject({
  name: pipelineSchema.shape.name,
  stages: pipelineSchema.shape.stages,
  /** The version read; absent for a new pipeline, 0 for the built-in default. */
  version: z.number().int().nonnegative().optional(),
});

export const handler = apiRouter({
  'GET /api/pipelines': apiHandler({}, async () => ({ body: { items: await findPipelines() } })),
  'GET /api/pipelines/{pipelineId}': apiHandler({ path: pipelinePath }, async ({ path }) => ({ body: await readPipeline(path.pipelineId) })),
  'PUT /api/pipelines/{pipelineId}': apiHandler({ path: pipelinePath, body: putBody }, async ({ actor, path, body }) => {
    const pipeline = pipelineSchema.parse({ id: path.pipelineId, name: body.name, stages: body.stages });
    return { body: await savePipelineAs(actor, pipeline, body.version) };
  }),
});
