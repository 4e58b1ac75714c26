/** Retry counts the stack configures and the local runtime mirrors (ADR 0005). */
export const delivery = {
  /** Lambda's asynchronous retries of a rule or schedule target whose handler failed; then the dead-letter queue. */
  asyncHandlerRetries: 2,
  /** EventBridge's and Scheduler's retries of a delivery that could not reach Lambda at all (throttling); nothing local fails that way. */
  targetDeliveryRetries: 8,
  /** A stream event source mapping's retries of a failing batch. */
  streamBatchRetries: 10,
} as const;
