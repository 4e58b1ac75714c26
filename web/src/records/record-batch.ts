import { ApiRequestError } from '../api/api-error';
import type { HttpClient } from '../api/http-client';
import { recordKeys } from './records-http';

/**
 * Single records read by id in the same tick go to the API together, as
 * `GET /api/<resource>?ids=…` (one BatchGetItem): a list page linking 25 accounts by name is one
 * request, not 25. Each caller still gets its own record, or a 404 for an id that is gone.
 */
interface Waiter {
  resolve: (record: unknown) => void;
  reject: (error: unknown) => void;
}

type Batch = Map<string, Waiter[]>;

/**
 * The batch open for each resource in this tick. Every component's client speaks for the same
 * signed-in session, so the first caller's client reads for the whole batch.
 */
const open = new Map<string, Batch>();
const maxIds = 100;

export function batchedRecord<T extends { id: string }>(http: HttpClient, resource: string, id: string): Promise<T> {
  let batch = open.get(resource);
  if (!batch) {
    const started: Batch = new Map();
    open.set(resource, started);
    setTimeout(() => {
      open.delete(resource);
      void flush(http, resource, started);
    }, 0);
    batch = started;
  }
  const waiting = batch;
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, [...(waiting.get(id) ?? []), { resolve: resolve as (record: unknown) => void, reject }]);
  });
}

async function flush(http: HttpClient, resource: string, batch: Batch): Promise<void> {
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += maxIds) {
    const chunk = ids.slice(start, start + maxIds);
    try {
      const { items } = await http.get<{ items: { id: string }[] }>(`/api/${resource}`, { ids: chunk.join(',') });
      const byId = new Map(items.map((record) => [record.id, record]));
      for (const id of chunk) {
        const record = byId.get(id);
        for (const waiter of batch.get(id) ?? []) {
          if (record) waiter.resolve(record);
          else waiter.reject(new ApiRequestError(404, 'not_found', `No such record in ${resource}`));
        }
      }
    } catch (error) {
      for (const id of chunk) for (const waiter of batch.get(id) ?? []) waiter.reject(error);
    }
  }
}

/**
 * The query of a record read by id for its name (see `batchedRecord`), sharing the record pages'
 * cache entry; nothing is asked without an id, and a failure is not tried again.
 */
export const namedRecordQuery = <T extends { id: string }>(http: HttpClient, resource: string, id: string | undefined, staleTime = 60_000) => ({
  queryKey: recordKeys.detail(resource, id ?? ''),
  queryFn: () => batchedRecord<T>(http, resource, id ?? ''),
  enabled: Boolean(id),
  staleTime,
  retry: false,
});
