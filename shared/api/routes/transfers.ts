import { signedInRoutes } from './route';

/** Bulk transfer of ownership (ACC-2): the resource in the path is the subject. */
export const transferRoutes = signedInRoutes(undefined, { 'POST /api/{resource}/transfer': { subjectParam: 'resource', action: 'transfer' } });
