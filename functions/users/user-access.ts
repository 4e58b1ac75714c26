import * as z from 'zod';
import { setUserDisabledAs } from '../../shared/services/user-service';
import { apiHandler } from '../http/api-handler';

/** Admins disable a user (every next request of theirs is refused) and enable them again (ACC-1). */
const userPath = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'a user id') });

export const disableUserRoute = apiHandler({ path: userPath }, async ({ actor, path }) => ({ body: await setUserDisabledAs(actor, path.userId, true) }));
export const enableUserRoute = apiHandler({ path: userPath }, async ({ actor, path }) => ({ body: await setUserDisabledAs(actor, path.userId, false) }));
