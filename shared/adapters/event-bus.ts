import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { env } from '../config/runtime-env';

/** One event for the app's bus (the local bus on a laptop, via AWS_ENDPOINT_URL_EVENTBRIDGE). */
export interface BusEvent {
  source: string;
  detailType: string;
  time: Date;
  /** The detail as JSON text, as EventBridge takes it. */
  detail: string;
}

/** What the bus made of a batch: all accepted, or where the first refused event sits. */
export type PutOutcome = { accepted: true } | { accepted: false; failedAt: number; failedCount: number; firstFailure?: { errorCode?: string; errorMessage?: string } };

/** PutEvents takes at most this many entries. */
export const putEventsLimit = 10;

let client: EventBridgeClient | undefined;

/** Puts up to `putEventsLimit` events in one request; a transport failure throws. */
export async function putEvents(events: readonly BusEvent[]): Promise<PutOutcome> {
  client ??= new EventBridgeClient({});
  const eventBusName = env('eventBusName');
  const result = await client.send(
    new PutEventsCommand({
      Entries: events.map((e) => ({ EventBusName: eventBusName, Source: e.source, DetailType: e.detailType, Time: e.time, Detail: e.detail })),
    }),
  );
  if (!result.FailedEntryCount) return { accepted: true };
  const index = (result.Entries ?? []).findIndex((e) => e.ErrorCode);
  const first = result.Entries?.[index];
  return {
    accepted: false,
    failedAt: Math.max(index, 0),
    failedCount: result.FailedEntryCount,
    ...(first ? { firstFailure: { ...(first.ErrorCode ? { errorCode: first.ErrorCode } : {}), ...(first.ErrorMessage ? { errorMessage: first.ErrorMessage } : {}) } } : {}),
  };
}
