import type { Server } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer } from 'node:net';

/**
 * Listens on `port` of both addresses a browser means by localhost, 127.0.0.1 and ::1, so no
 * other process answers http://localhost:<port> in our place: a port another process holds on
 * either is EADDRINUSE, never shared (ADR 0016). Port 0: a port free on both.
 */
export async function listenOnLocalhost(server: Server, port: number, attempts = 5): Promise<{ port: number; close(): Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    await listen(server, port, '127.0.0.1');
    const bound = (server.address() as AddressInfo).port;
    // Connections to ::1 are handed to the same HTTP server, which tracks and closes them.
    const ipv6 = createServer((socket) => server.emit('connection', socket));
    try {
      await listen(ipv6, bound, '::1');
      return { port: bound, close: () => new Promise((resolve) => ipv6.close(() => resolve())) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A machine without IPv6 loopback: nobody can listen there either.
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { port: bound, close: () => Promise.resolve() };
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (port !== 0 || code !== 'EADDRINUSE' || attempt >= attempts) throw error;
    }
  }
}

function listen(server: NetServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
