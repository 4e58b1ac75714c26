import type { Server } from 'node:http';

/** Stops accepting connections, lets requests in progress finish for `graceMs`, then cuts the rest. */
export function closeServer(server: Server | undefined, graceMs = 3_000): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
