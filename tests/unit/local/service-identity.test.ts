import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnService } from '../../../infra/local/child-process';
import { freePort } from '../../../infra/local/free-port';
import { answersAs, identityEnv, identityHeader, nodeWithIdentity, startOnOwnPort, type OwnedService } from '../../../infra/local/service-identity';

/**
 * Readiness accepts only the child we started (ADR 0016): another process answering on the port,
 * however healthy its answer, is refused, and a child that lost its port starts again elsewhere.
 */
const servers: Server[] = [];
const started: OwnedService[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.service.stop()));
  for (const server of servers.splice(0)) server.close();
});

/** Another process on the port: 200 to everything, with an identity header of its own. */
async function foreign(port = 0): Promise<{ port: number; requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    res.writeHead(200, { [identityHeader]: 'someone-else' }).end('ok');
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, requests: () => requests };
}

/** A Node child answering 200 on the port, run as the emulators are: with the identity preload. */
const httpChild = (port: number, identity: string) =>
  spawnService(process.execPath, [...nodeWithIdentity(), '-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`], {
    env: { ...process.env, [identityEnv]: identity },
  });

/** One that, like aws-ses-v2-local, exits on a taken port without saying EADDRINUSE. */
const tightLippedChild = (port: number, identity: string) =>
  spawnService(
    process.execPath,
    [
      ...nodeWithIdentity(),
      '-e',
      `require('node:http').createServer((q, s) => s.end('ok')).on('error', () => { console.log('failed to start server'); process.exit(1); }).listen(${port}, '127.0.0.1')`,
    ],
    { env: { ...process.env, [identityEnv]: identity } },
  );

describe('answersAs', () => {
  it('refuses a foreign process that answers 200 on the port', async () => {
    const { port } = await foreign();
    expect(await answersAs(`http://127.0.0.1:${port}/`, 'ours')()).toBe(false);
  });
});

describe('startOnOwnPort', () => {
  it('returns the child itself, answering with its identity on the preferred port', async () => {
    const preferred = await freePort();
    const own = await startOnOwnPort('test child', preferred, (port, identity) => ({ service: httpChild(port, identity), isOurs: answersAs(`http://127.0.0.1:${port}/`, identity) }));
    started.push(own);
    expect(own.port).toBe(preferred);
    const response = await fetch(`http://127.0.0.1:${own.port}/`);
    expect(response.headers.get(identityHeader)).toMatch(/^[0-9a-f]{32}$/);
  });

  it.each([
    ['says EADDRINUSE', httpChild],
    ['says nothing of it (as aws-ses-v2-local)', tightLippedChild],
  ] as const)('does not take the process that won the port for its child, which %s: the child starts again on another port', async (_, child) => {
    const preferred = await freePort();
    let winner: Awaited<ReturnType<typeof foreign>> | undefined;
    const own = await startOnOwnPort('test child', preferred, (port, identity) => {
      // The other stack binds the port between our check and our child's bind.
      if (!winner) void foreign(port).then((f) => (winner = f));
      return { service: child(port, identity), isOurs: answersAs(`http://127.0.0.1:${port}/`, identity) };
    });
    started.push(own);
    expect(winner?.port).toBe(preferred);
    expect(winner!.requests()).toBeGreaterThan(0);
    expect(own.port).not.toBe(preferred);
    const answer = await fetch(`http://127.0.0.1:${own.port}/`);
    expect(answer.headers.get(identityHeader)).not.toBe('someone-else');
    expect(answer.headers.get(identityHeader)).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fails with the child output when the child dies for another reason, without trying other ports', async () => {
    let launches = 0;
    const start = startOnOwnPort('broken child', undefined, (port, identity) => {
      launches++;
      return { service: spawnService(process.execPath, ['-e', 'console.error("no config"); process.exit(3)']), isOurs: answersAs(`http://127.0.0.1:${port}/`, identity) };
    });
    await expect(start).rejects.toThrow(/broken child exited \(3\):\s+no config/);
    expect(launches).toBe(1);
  });
});
