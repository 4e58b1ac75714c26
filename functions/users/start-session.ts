import { userSummarySchema } from '../../shared/api/contracts';
import { recordSignIn } from '../../shared/services/user-service';
import { apiHandler } from '../http/api-handler';

/** Called by the web app right after sign-in: mirrors the Cognito identity into the user directory. */
export const startSessionRoute = apiHandler({ answer: userSummarySchema }, async ({ actor }) => ({ body: await recordSignIn(actor) }));
