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

/** True when nothing listens on the port, on any local address. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    // Unspecified host: a dual-stack bind collides with a listener on 127.0.0.1 or ::1 alike.
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

/** The preferred port when nothing listens on it, else a free one. */
export async function preferredPortOrFree(preferred: number): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : freePort();
}
