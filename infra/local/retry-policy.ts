import { delivery } from '../definition/delivery';

/**
 * At-least-once delivery with exponential backoff and jitter, as EventBridge, Scheduler and
 * Lambda's stream pollers retry a failing target. Attempt counts mirror the stack's settings.
 */
export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * A rule or schedule target whose handler failed: Lambda's asynchronous retries. (The targets'
 * own delivery retries are for a Lambda that could not be reached, which cannot happen here.)
 * Lambda waits minutes between them; locally the delays are shortened.
 */
export const targetRetryPolicy: RetryPolicy = { retries: delivery.asyncHandlerRetries, baseDelayMs: 200, maxDelayMs: 10_000 };

/** The stack's stream event source mappings. */
export const streamRetryPolicy: RetryPolicy = { retries: delivery.streamBatchRetries, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Delay before retry number `retry` (1-based): doubling from the base, capped, with jitter. */
export function retryDelayMs(policy: RetryPolicy, retry: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Runs the task until it succeeds or the retries run out; returns whether it succeeded. Errors
 * are reported through `onFailure`, the last one with `final: true`.
 */
export async function withRetries(
  task: () => Promise<unknown>,
  policy: RetryPolicy,
  options: { sleep: (ms: number) => Promise<void>; onFailure: (error: unknown, attempt: number, final: boolean) => void; stopped?: () => boolean },
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    try {
      await task();
      return true;
    } catch (error) {
      const final = attempt > policy.retries || Boolean(options.stopped?.());
      options.onFailure(error, attempt, final);
      if (final) return false;
      await options.sleep(retryDelayMs(policy, attempt));
      if (options.stopped?.()) return false;
    }
  }
}
