import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { waitUntilReady, type ChildService } from './child-process';
import { freePort, portIsFree, preferredPortOrFree } from './free-port';

/**
 * Each stack talks only to the emulators it started (ADR 0016). A port checked free may be bound
 * by someone else before our child binds it (two `npm start` at the same instant), and then a
 * probe that accepts any answer attaches us to the other stack. So every start gets a random
 * identity the emulator echoes in its answers, readiness accepts only an answer carrying it, and
 * a child that lost its port (it is gone, and someone else holds the port) is started again on
 * another one.
 */

/** What a Node emulator learns its identity from, and the header it echoes it in (identity-preload.ts). */
export const identityEnv = 'CRM_LOCAL_IDENTITY';
export const identityHeader = 'x-crm-local-identity';

export interface OwnedLaunch {
  service: ChildService;
  /** True once the answer on the port comes from this child (it carries the identity). */
  isOurs(): Promise<boolean>;
}

export interface OwnedService {
  port: number;
  service: ChildService;
}

/**
 * Starts `launch` on the preferred port when it is free (else on any free one) and waits until
 * the child itself answers there; if another process took the port first, tries another port.
 */
export async function startOnOwnPort(
  name: string,
  preferredPort: number | undefined,
  launch: (port: number, identity: string) => OwnedLaunch,
  attempts = 5,
): Promise<OwnedService> {
  for (let attempt = 1; ; attempt++) {
    const port = attempt === 1 && preferredPort ? await preferredPortOrFree(preferredPort) : await freePort();
    const { service, isOurs } = launch(port, newIdentity());
    try {
      await waitUntilReady(name, service, isOurs);
      return { port, service };
    } catch (error) {
      // Gone, and its port held by another process: it lost the race for the port, whatever it
      // printed (aws-ses-v2-local does not even say EADDRINUSE). Anything else is its own failure.
      const gone = service.child.exitCode !== null || service.child.signalCode !== null;
      if (!gone || attempt >= attempts || (await portIsFree(port))) throw error;
    }
  }
}

export function newIdentity(): string {
  return randomBytes(16).toString('hex');
}

/** Readiness of a Node emulator run with identity-preload.ts: 2xx with our identity, not just any answer. */
export const answersAs = (url: string, identity: string) => async (): Promise<boolean> => {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return response.ok && response.headers.get(identityHeader) === identity;
};

/** Node options that make a Node emulator echo its identity in every answer (identity-preload.ts). */
export function nodeWithIdentity(): string[] {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  return ['--import', tsx, '--import', new URL('./identity-preload.ts', import.meta.url).href];
}
