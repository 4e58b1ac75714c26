import { publishEvents } from '../grants';
import { worker } from '../module-kit';
import type { ModuleDef } from '../types';

const publish = worker('outbox-publish', 'functions/events/publish-outbox.ts', 'Publishes committed outbox events to the bus', publishEvents);

/** The transactional outbox (ADR 0002): history items inserted with a change are put on the bus. */
export const eventsModule: ModuleDef = {
  functions: [publish],
  streamConsumers: [{ id: 'outbox', function: publish.id, filter: { eventNames: ['INSERT'], entities: ['HISTORY'] }, batchSize: 100 }],
};
