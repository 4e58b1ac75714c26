import { assertCan } from '../auth/assert-can';
import { getPipeline, listPipelines, putPipeline, type StoredPipeline } from '../data/pipelines-repository';
import type { Actor } from '../domain/common/actor';
import { notFound, versionConflict } from '../domain/common/errors';
import type { Pipeline } from '../domain/deals/pipeline';

/** Pipelines and their stage rules (REC-10): everyone reads them; those the matrix lets manage them (admins, sales managers) set them. */
export async function readPipeline(id: string): Promise<StoredPipeline> {
  const pipeline = await getPipeline(id);
  if (!pipeline) throw notFound('Pipeline');
  return pipeline;
}

export const findPipelines = (): Promise<StoredPipeline[]> => listPipelines();

/** Replaces a pipeline's stages; `version` is the one read (0 for the built-in default, new for a new pipeline). */
export async function savePipelineAs(actor: Actor, pipeline: Pipeline, version: number | undefined): Promise<StoredPipeline> {
  assertCan(actor, 'pipelines', 'manage');
  const current = await getPipeline(pipeline.id);
  // The version read: the stored one, 0 for the built-in default, none for a new pipeline.
  if (version !== current?.version) throw versionConflict(current?.version);
  const next = (current?.version ?? 0) + 1;
  if (!(await putPipeline(pipeline, next))) throw versionConflict(undefined);
  return { ...pipeline, version: next };
}
