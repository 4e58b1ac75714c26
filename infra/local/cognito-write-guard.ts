import { createRequire } from 'node:module';

/**
 * Loaded (`--import`) into cognito-local's process: what the emulator does not enforce and Cognito
 * in the cloud does, so a user cannot grant themselves on a laptop what the stack refuses them.
 * - An app client writes only its `WriteAttributes` (the stack's web client: email and name), so a
 *   portal user cannot rewrite or delete their own `custom:accountId` (UpdateUserAttributes,
 *   DeleteUserAttributes), nor name one at sign-up.
 * - A pool that allows only admins to create users refuses SignUp.
 * Refusals are Cognito's own: NotAuthorizedException.
 */
interface Request {
  AccessToken?: string;
  ClientId?: string;
  UserAttributes?: { Name: string }[];
  UserAttributeNames?: string[];
}
interface AppClient {
  WriteAttributes?: string[];
}
interface UserPool {
  options: { AdminCreateUserConfig?: { AllowAdminCreateUserOnly?: boolean } };
}
interface Services {
  cognito: { getAppClient(ctx: unknown, clientId: string): Promise<AppClient | null>; getUserPoolForClientId(ctx: unknown, clientId: string): Promise<UserPool> };
}
type Target = (services: Services) => (ctx: unknown, req: Request) => Promise<unknown>;

const require = createRequire(import.meta.url);
const { Targets } = require('cognito-local/lib/targets/targets.js') as { Targets: Record<string, Target> };
const { NotAuthorizedError } = require('cognito-local/lib/errors.js') as { NotAuthorizedError: new (message?: string) => Error };
const jwt = require('jsonwebtoken') as { decode(token: string): { client_id?: string } | null };

/** The attribute names a request writes or deletes, and the client it comes through. */
const writes: Record<string, (req: Request) => { clientId: string | undefined; names: string[] }> = {
  UpdateUserAttributes: (req) => ({ clientId: clientOfToken(req.AccessToken), names: (req.UserAttributes ?? []).map((a) => a.Name) }),
  DeleteUserAttributes: (req) => ({ clientId: clientOfToken(req.AccessToken), names: req.UserAttributeNames ?? [] }),
  SignUp: (req) => ({ clientId: req.ClientId, names: (req.UserAttributes ?? []).map((a) => a.Name) }),
};

function clientOfToken(token: string | undefined): string | undefined {
  return token ? (jwt.decode(token)?.client_id ?? undefined) : undefined;
}

for (const [name, of] of Object.entries(writes)) {
  const original = Targets[name]!;
  Targets[name] = (services) => {
    const run = original(services);
    return async (ctx, req) => {
      const { clientId, names } = of(req);
      if (clientId) {
        if (name === 'SignUp' && (await services.cognito.getUserPoolForClientId(ctx, clientId)).options.AdminCreateUserConfig?.AllowAdminCreateUserOnly) {
          throw new NotAuthorizedError('SignUp is not permitted for this user pool');
        }
        // As in Cognito, a client without WriteAttributes may write every attribute.
        const allowed = (await services.cognito.getAppClient(ctx, clientId))?.WriteAttributes;
        if (allowed && names.some((n) => !allowed.includes(n))) throw new NotAuthorizedError('A client attempted to write unauthorized attribute');
      }
      return run(ctx, req);
    };
  };
}
