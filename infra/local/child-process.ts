import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * The emulators run as child processes. Every one started here is killed when this process
 * exits, however it exits (a crash included), so none is left behind holding a port.
 */
export interface ChildService {
  readonly child: ChildProcess;
  /** Everything it printed so far, for error messages. */
  output(): string;
  /** Why it could not be started at all (e.g. the command is not installed). */
  spawnError(): Error | undefined;
  /** Resolves once it exited and its output is all read. */
  readonly closed: Promise<void>;
  stop(): Promise<void>;
}


const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export function spawnService(command: string, args: readonly string[], options: Pick<SpawnOptions, 'cwd' | 'env'> = {}): ChildService {
  if (!exitHookInstalled) {
    // 'exit' handlers must be synchronous: a last-resort kill, after stop() had its chance.
    process.once('exit', () => {
      for (const child of running) child.kill('SIGKILL');
    });
    exitHookInstalled = true;
  }
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let output = '';
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const collect = (chunk: Buffer) => {
    // The tail is enough to explain a failure; keep memory bounded for long runs.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return { child, output: () => output, spawnError: () => spawnError, closed, stop: () => stopChild(child) };
}

/** SIGTERM, then SIGKILL after a grace period; resolves once the process is gone. */
export function stopChild(child: ChildProcess, graceMs = 3_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Polls `probe` until it answers true; fails early with the child's output if the child exits,
 * and kills it if it does not come up in time. The probe must tell our child from any other
 * process on the port (ADR 0016).
 */
export async function waitUntilReady(name: string, service: ChildService, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const { exitCode, signalCode } = service.child;
    const spawnError = service.spawnError();
    if (spawnError) throw new Error(`${name} could not be started: ${spawnError.message}`);
    if (exitCode !== null || signalCode !== null) {
      // 'exit' may come before the last of its output; the reason is in that output.
      await Promise.race([service.closed, new Promise((r) => setTimeout(r, 1_000))]);
      throw new Error(`${name} exited (${exitCode ?? signalCode}):\n${service.output()}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  await service.stop();
  throw new Error(`${name} did not answer within ${timeoutMs / 1000} s:\n${service.output()}`);
}
