import * as z from 'zod';
import { recordIdSchema } from '../../shared/domain/common/values';
import { listRecordsQuerySchema } from '../../shared/domain/records/record-list';
import type { RecordBase, RecordType } from '../../shared/domain/records/record-type';
import { mergeInputSchema } from '../../shared/domain/duplicates/merge';
import { dismissDuplicatesAs, duplicatesOfType } from '../../shared/services/duplicates-service';
import { mergeInto } from '../../shared/services/merge-service';
import { addNoteAs } from '../../shared/services/note-service';
import type { RecordService } from '../../shared/services/record-service';
import { apiHandler } from '../http/api-handler';
import { pageQuery } from '../http/params';

/** The five routes every core record type has, for its resource router (ADR 0007). */
const idPath = z.object({ id: recordIdSchema });

export function recordRoutes<T extends RecordBase, C extends object, U extends { version: number }>(
  service: RecordService<T, C, U>,
  schemas: { create: z.ZodType<C>; update: z.ZodType<U> },
) {
  return {
    list: apiHandler({ query: listRecordsQuerySchema }, async ({ actor, query }) => ({ body: await service.list(actor, query) })),
    create: apiHandler({ body: schemas.create }, async ({ actor, body }) => ({ status: 201, body: await service.create(actor, body as C) })),
    get: apiHandler({ path: idPath }, async ({ actor, path }) => ({ body: await service.read(actor, path.id) })),
    update: apiHandler({ path: idPath, body: schemas.update }, async ({ actor, path, body }) => ({ body: await service.update(actor, path.id, body as U) })),
    timeline: apiHandler({ path: idPath, query: pageQuery }, async ({ actor, path, query }) => ({ body: await service.timeline(actor, path.id, query) })),
    duplicates: apiHandler({ path: idPath }, async ({ actor, path }) => ({ body: await service.duplicates(actor, path.id) })),
    merge: apiHandler({ path: idPath, body: mergeInputSchema }, async ({ actor, path, body }) => ({ body: await mergeInto(service.kind, actor, path.id, body) })),
    ...duplicatesViewRoutes(service.kind.type),
  };
}

/** A type's duplicates view and "not duplicates" (REC-12); leads use them too. */
export function duplicatesViewRoutes(type: RecordType) {
  return {
    duplicatesOfType: apiHandler({ query: pageQuery }, async ({ actor, query }) => ({ body: await duplicatesOfType(actor, type, query) })),
    dismissDuplicates: apiHandler({ body: dismissBody }, async ({ actor, body }) => {
      await dismissDuplicatesAs(actor, type, body.ids);
      return { status: 204, body: undefined };
    }),
  };
}

/** The route keys of a record type's resource, for the app definition and the router alike. */
export const recordRouteKeys = (resource: string) =>
  ({
    list: `GET /api/${resource}`,
    create: `POST /api/${resource}`,
    get: `GET /api/${resource}/{id}`,
    update: `PATCH /api/${resource}/{id}`,
    timeline: `GET /api/${resource}/{id}/timeline`,
  }) as const;

/** Notes on a record's timeline (REC-8), for the resources that take them. */
export function noteRoute(type: RecordType) {
  return apiHandler({ path: idPath, body: noteBody }, async ({ actor, path, body }) => ({ status: 201, body: await addNoteAs(actor, { type, id: path.id }, body.text) }));
}

const noteBody = z.strictObject({ text: z.string().trim().min(1).max(10_000) });
const dismissBody = z.strictObject({ ids: z.tuple([recordIdSchema, recordIdSchema]) });

/** A router table of the five routes, and the duplicates and merge routes for types that can have duplicates. */
export function recordRouter(resource: string, routes: ReturnType<typeof recordRoutes>, options: { duplicates?: boolean } = {}) {
  const keys = recordRouteKeys(resource);
  return {
    [keys.list]: routes.list,
    [keys.create]: routes.create,
    [keys.get]: routes.get,
    [keys.update]: routes.update,
    [keys.timeline]: routes.timeline,
    ...(options.duplicates
      ? {
          [`GET /api/${resource}/{id}/duplicates`]: routes.duplicates,
          [`POST /api/${resource}/{id}/merge`]: routes.merge,
          [`GET /api/${resource}/duplicates`]: routes.duplicatesOfType,
          [`POST /api/${resource}/duplicates/dismiss`]: routes.dismissDuplicates,
        }
      : {}),
  };
}
