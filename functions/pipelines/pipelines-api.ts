import * as z from 'zod';
import { itemsOf } from '../../shared/api/contracts';
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

/** A pipeline as stored: its stages and the version a save names. */
const pipelineAnswer = z.object({ ...pipelineSchema.shape, version: z.number().int() }).meta({ title: 'Pipeline' });

export const handler = apiRouter({
  'GET /api/pipelines': apiHandler({ answer: itemsOf(pipelineAnswer) }, async () => ({ body: { items: await findPipelines() } })),
  'GET /api/pipelines/{pipelineId}': apiHandler({ path: pipelinePath, answer: pipelineAnswer }, async ({ path }) => ({ body: await readPipeline(path.pipelineId) })),
  'PUT /api/pipelines/{pipelineId}': apiHandler({ path: pipelinePath, body: putBody, answer: pipelineAnswer }, async ({ actor, path, body }) => {
    const pipeline = pipelineSchema.parse({ id: path.pipelineId, name: body.name, stages: body.stages });
    return { body: await savePipelineAs(actor, pipeline, body.version) };
  }),
});
