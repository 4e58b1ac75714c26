import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { freePort, preferredPortOrFree } from '../../../infra/local/free-port';

/** `npm start` keeps the usual emulator ports unless something already listens there. */
describe('preferredPortOrFree', () => {
  it('keeps a free preferred port', async () => {
    const port = await freePort();
    expect(await preferredPortOrFree(port)).toBe(port);
  });

  it.each(['127.0.0.1', 'localhost'])('picks another port when something listens on %s at the preferred one', async (host) => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    const taken = (server.address() as { port: number }).port;
    try {
      const chosen = await preferredPortOrFree(taken);
      expect(chosen).not.toBe(taken);
      expect(chosen).toBeGreaterThan(0);
    } finally {
      server.close();
    }
  });
});
