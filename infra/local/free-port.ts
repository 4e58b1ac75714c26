import { createServer } from 'node:net';

/** Asks the OS for a port nobody listens on (for emulators in tests and parallel runs). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The preferred port when nothing listens on it (on any local address), else a free one. */
export async function preferredPortOrFree(preferred: number): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    // Unspecified host: a dual-stack bind collides with a listener on 127.0.0.1 or ::1 alike.
    server.listen(preferred, () => server.close(() => resolve(true)));
  });
  return free ? preferred : freePort();
}
