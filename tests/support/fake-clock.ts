import type { Clock } from '../../infra/local/scheduler';

/** An injected clock for the local scheduler: time moves only when a test advances it. */
export class FakeClock implements Clock {
  private timers = new Map<number, { due: number; callback: () => void }>();
  private nextId = 1;
  constructor(private time: number) {}
  now = () => new Date(this.time);
  setTimer = (callback: () => void, ms: number) => {
    this.timers.set(this.nextId, { due: this.time + ms, callback });
    return this.nextId++;
  };
  clearTimer = (handle: unknown) => void this.timers.delete(handle as number);
  get pending() {
    return this.timers.size;
  }
  /** Runs every timer due up to `iso`, in order, letting promises settle in between. */
  async advanceTo(iso: string): Promise<void> {
    const target = Date.parse(iso);
    for (;;) {
      const [id, timer] = [...this.timers].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
      if (!timer || timer.due > target) break;
      this.timers.delete(id!);
      this.time = timer.due;
      timer.callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.time = target;
  }
}
