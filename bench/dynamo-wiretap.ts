import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';

/**
 * Sends this process's DynamoDB calls through a proxy while `to` is set. The local stack points
 * every handler's SDK client at DynamoDB Local's own port once, at its first call (during the
 * stack's seeding, before the bench learns the port), so a proxy cannot be put in front of it by
 * endpoint; the SDK's Node handler looks `http.request` up when it builds a client's agent, so a
 * wrapper installed before the stack starts sees every call, whichever client makes it.
 * Install before the first AWS SDK client of the process is used.
 */
export interface Wiretap {
  /** Redirects calls for port `from` to port `to` (undefined: stop redirecting). */
  route(from: number, to: number | undefined): void;
}

let routing: { from: number; to: number } | undefined;
let installed = false;
/** `http.request` as it was before any wrapper: the proxy forwards with it, or it would call itself. */
export const directRequest = http.request.bind(http) as (options: RequestOptions, callback?: (res: IncomingMessage) => void) => ClientRequest;

export function installDynamoWiretap(): Wiretap {
  if (!installed) {
    const original = directRequest;
    (http as { request: unknown }).request = (options: unknown, ...rest: unknown[]) => {
      if (routing && options && typeof options === 'object' && !(options instanceof URL) && Number((options as RequestOptions).port) === routing.from) {
        return original({ ...(options as RequestOptions), port: routing.to }, rest[0] as (res: IncomingMessage) => void);
      }
      return (original as (...args: unknown[]) => ClientRequest)(options, ...rest);
    };
    installed = true;
  }
  return { route: (from, to) => (routing = to === undefined ? undefined : { from, to }) };
}
