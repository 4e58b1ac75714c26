import type { Need, RouteKey } from './route';

/** The routes every core record type has (functions/records/record-routes.ts serves them). */
export const coreRecordRoutes = (resource: string) =>
  ({
    [`GET /api/${resource}`]: 'read',
    [`POST /api/${resource}`]: 'create',
    [`GET /api/${resource}/{id}`]: 'read',
    [`PATCH /api/${resource}/{id}`]: 'update',
    [`GET /api/${resource}/{id}/timeline`]: 'read',
  }) as const satisfies Record<RouteKey, Need>;

/** Duplicates of the types that can have them (REC-12): per record, per type, merge, dismiss. */
export const duplicateRoutes = (resource: string) =>
  ({
    [`GET /api/${resource}/{id}/duplicates`]: 'read',
    [`POST /api/${resource}/{id}/merge`]: 'merge',
    [`GET /api/${resource}/duplicates`]: 'read',
    [`POST /api/${resource}/duplicates/dismiss`]: 'merge',
  }) as const satisfies Record<RouteKey, Need>;
