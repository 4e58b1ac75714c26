import * as z from 'zod';
import { duplicateCandidateOf, duplicatePairSchema, itemsOf, pageOf, recordBaseSchema, timelineEntrySchema } from '../../shared/api/contracts';
import { recordIdSchema } from '../../shared/domain/common/values';
import { listRecordsQuerySchema, type ListRecordsQuery } from '../../shared/domain/records/record-list';
import type { RecordBase, RecordKind, RecordType } from '../../shared/domain/records/record-type';
import { mergeInputSchema } from '../../shared/domain/duplicates/merge';
import { dismissDuplicatesAs, duplicatesOfType } from '../../shared/services/duplicates-service';
import { addNoteAs } from '../../shared/services/note-service';
import type { RecordService } from '../../shared/services/record-service';
import { apiHandler, noContent } from '../http/api-handler';
import { pageQuery } from '../http/params';

/** The five routes every core record type has, for its resource router (ADR 0007). */
const idPath = z.object({ id: recordIdSchema });

/**
 * A record as answered: its kind's fields (the create schema's) and the record base, and whatever
 * the type adds on its own (a deal's stage, a case's rating): those are not closed off.
 */
export const recordAnswerOf = <T extends RecordBase>(kind: RecordKind<T>, create: z.ZodObject) =>
  z.looseObject({ ...create.shape, ...recordBaseSchema.shape }).meta({ title: kind.label }) as unknown as z.ZodType<T>;

/**
 * What a resource may say otherwise than the kit: its id parameter (`{leadId}`), its list's query
 * parameters, its answer (leads keep theirs, documented before they ran on the kit).
 */
export interface RecordRouteOptions<T> {
  /** The path's one parameter, the record's id: `{id}` by default. */
  path?: z.ZodObject<Record<string, z.ZodType<string>>>;
  list?: z.ZodType<ListRecordsQuery>;
  answer?: z.ZodType<T>;
}

export function recordRoutes<T extends RecordBase, C extends object, U extends { version: number }>(
  service: RecordService<T, C, U>,
  schemas: { create: z.ZodType<C> & z.ZodObject; update: z.ZodType<U> },
  options: RecordRouteOptions<T> = {},
) {
  const record = options.answer ?? recordAnswerOf(service.kind, schemas.create);
  const path = options.path ?? idPath;
  const idOf = idParamOf(path);
  return {
    list: apiHandler({ query: options.list ?? listRecordsQuerySchema, answer: pageOf(record) }, async ({ actor, query }) => ({ body: await service.list(actor, query) })),
    create: apiHandler({ body: schemas.create, answer: record, status: 201 }, async ({ actor, body }) => ({ status: 201, body: await service.create(actor, body as C) })),
    get: apiHandler({ path, answer: record }, async ({ actor, path }) => ({ body: await service.read(actor, idOf(path)) })),
    update: apiHandler({ path, body: schemas.update, answer: record }, async ({ actor, path, body }) => ({ body: await service.update(actor, idOf(path), body as U) })),
    timeline: apiHandler({ path, query: pageQuery, answer: pageOf(timelineEntrySchema) }, async ({ actor, path, query }) => ({ body: await service.timeline(actor, idOf(path), query) })),
    duplicates: apiHandler({ path, answer: itemsOf(duplicateCandidateOf(record)) }, async ({ actor, path }) => ({ body: await service.duplicates(actor, idOf(path)) })),
    merge: apiHandler({ path, body: mergeInputSchema, answer: record }, async ({ actor, path, body }) => ({ body: await service.merge(actor, idOf(path), body) })),
    ...duplicatesViewRoutes(service.kind.type),
  };
}

/** The id out of a path whose one parameter it is. */
const idParamOf = (path: z.ZodObject) => {
  const [param] = Object.keys(path.shape);
  return (values: Record<string, string>): string => values[param!]!;
};

/** A type's duplicates view and "not duplicates" (REC-12); leads use them too. */
export function duplicatesViewRoutes(type: RecordType) {
  return {
    duplicatesOfType: apiHandler({ query: pageQuery, answer: pageOf(duplicatePairSchema) }, async ({ actor, query }) => ({ body: await duplicatesOfType(actor, type, query) })),
    dismissDuplicates: apiHandler({ body: dismissBody, answer: noContent, status: 204 }, async ({ actor, body }) => {
      await dismissDuplicatesAs(actor, type, body.ids);
      return { status: 204, body: undefined };
    }),
  };
}

/** The route keys of a record type's resource, for the app definition and the router alike. */
export const recordRouteKeys = <P extends string = 'id'>(resource: string, param: P = 'id' as P) =>
  ({
    list: `GET /api/${resource}`,
    create: `POST /api/${resource}`,
    get: `GET /api/${resource}/{${param}}`,
    update: `PATCH /api/${resource}/{${param}}`,
    timeline: `GET /api/${resource}/{${param}}/timeline`,
  }) as const;

/** Notes on a record's timeline (REC-8), for the resources that take them. */
export function noteRoute(type: RecordType, path: z.ZodObject<Record<string, z.ZodType<string>>> = idPath) {
  const idOf = idParamOf(path);
  return apiHandler({ path, body: noteBody, answer: timelineEntrySchema, status: 201 }, async ({ actor, path, body }) => ({ status: 201, body: await addNoteAs(actor, { type, id: idOf(path) }, body.text) }));
}

const noteBody = z.strictObject({ text: z.string().trim().min(1).max(10_000) });
const dismissBody = z.strictObject({ ids: z.tuple([recordIdSchema, recordIdSchema]) });

/** A router table of the five routes, and the duplicates and merge routes for types that can have duplicates. */
export function recordRouter(resource: string, routes: ReturnType<typeof recordRoutes>, options: { duplicates?: boolean; param?: string } = {}) {
  const param = options.param ?? 'id';
  const keys = recordRouteKeys(resource, param);
  return {
    [keys.list]: routes.list,
    [keys.create]: routes.create,
    [keys.get]: routes.get,
    [keys.update]: routes.update,
    [keys.timeline]: routes.timeline,
    ...(options.duplicates
      ? {
          [`GET /api/${resource}/{${param}}/duplicates`]: routes.duplicates,
          [`POST /api/${resource}/{${param}}/merge`]: routes.merge,
          [`GET /api/${resource}/duplicates`]: routes.duplicatesOfType,
          [`POST /api/${resource}/duplicates/dismiss`]: routes.dismissDuplicates,
        }
      : {}),
  };
}
