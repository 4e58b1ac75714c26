import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An in-process AWS stand-in (the event bus, the Scheduler API) as an HTTP endpoint on a free
 * loopback port, which the SDK is pointed at through `AWS_ENDPOINT_URL_<SERVICE>`.
 */
export async function listenOnLoopback(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
}

/** The endpoint's URL; `what` names it in the error when it is not listening. */
export function loopbackUrl(server: Server | undefined, what: string): string {
  const address = server?.address() as AddressInfo | null | undefined;
  if (!address) throw new Error(`${what} is not listening`);
  return `http://127.0.0.1:${address.port}`;
}
