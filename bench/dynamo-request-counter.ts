import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { directRequest as request } from './dynamo-wiretap';
import { itemReadUnits, queryReadUnits, writeCharges, appTable, type Item, type ReadMode, type WriteImages } from './capacity-units';

/**
 * A pass-through proxy in front of DynamoDB Local that counts requests by operation
 * (X-Amz-Target), so "requests per API call" is measured on the wire, whatever client made them.
 *
 * With `meter` on it also prices each request by DynamoDB's billing rules (bench/capacity-units.ts):
 * a write's before and after images are read around the forwarded call by GetItem/BatchGetItem sent
 * straight to DynamoDB Local (strongly consistent, not counted), because ReturnValues cannot give both
 * images of a transaction's items and ReturnConsumedCapacity is what we do not trust (docs/cost-model.md).
 * A Query or Scan is re-read without its filter and projection to size what it read, not what it returned.
 * The reads around a write are not atomic with it: a concurrent write to the same item between them
 * (the bench's captures share only the form's counters) can shift a figure by an item's size.
 */
export interface WriteRecord {
  operation: string;
  /** `table` or an index name. */
  target: string;
  partition: string;
  /** The item's `entity` (or its partition key's prefix): what the breakdown groups by. */
  family: string;
  units: number;
  /** Bytes the target holds of the item afterwards (bench/capacity-units.ts WriteCharge). */
  bytes: number;
}

export interface ReadRecord {
  operation: string;
  units: number;
}

/** A TransactWriteItems that committed, with the items its non-Put actions found (to replay it elsewhere). */
export interface RecordedTransaction {
  request: { TransactItems: Record<string, Record<string, unknown>>[] };
  existing: Item[];
  /** Per action: its item did not exist before (a capture creates its lead; a repeat replaces it). */
  created: boolean[];
}

export interface RequestCounter {
  endpoint: string;
  counts(): Record<string, number>;
  writes(): WriteRecord[];
  reads(): ReadRecord[];
  /** Committed transactions, when recording (the newest `keep`). */
  transactions(): RecordedTransaction[];
  /** Write units DynamoDB Local reported (ReturnConsumedCapacity), by operation, when metering. */
  localReportedWriteUnits(): Record<string, number>;
  /** Turns pricing on or off (off: a plain counting pass-through, for timing calls). */
  setMeter(on: boolean): void;
  reset(): void;
  close(): Promise<void>;
}

export interface CounterOptions {
  /** Price every request (slower: two extra reads per write). */
  meter?: boolean;
  /** Keep this many committed TransactWriteItems requests. */
  recordTransactions?: number;
}

type Json = Record<string, unknown>;
type Key = Record<string, unknown>;

export async function startRequestCounter(target: string, port: number, options: CounterOptions = {}): Promise<RequestCounter> {
  const upstream = new URL(target);
  let counts: Record<string, number> = {};
  let writes: WriteRecord[] = [];
  let reads: ReadRecord[] = [];
  let transactions: RecordedTransaction[] = [];
  let localReported: Record<string, number> = {};
  let metering = options.meter ?? false;

  const forward = (req: { method?: string; url?: string; headers: IncomingHttpHeaders }, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const call = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on('error', reject);
      });
      call.on('error', reject);
      call.end(body);
    });
  /** A side call straight to DynamoDB Local, with the caller's credential scope (DynamoDB Local keeps a database per key and region). */
  const side = async (operation: string, payload: Json, headers: IncomingHttpHeaders): Promise<Json> => {
    const answer = await forward(
      {
        method: 'POST',
        url: '/',
        headers: { authorization: headers.authorization, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `DynamoDB_20120810.${operation}`, 'content-length': String(Buffer.byteLength(JSON.stringify(payload))) },
      },
      Buffer.from(JSON.stringify(payload)),
    );
    if (answer.status !== 200) throw new Error(`${operation} beside the proxy answered ${answer.status}: ${answer.body.toString()}`);
    return JSON.parse(answer.body.toString()) as Json;
  };
  const getItems = async (keys: { table: string; key: Key }[], headers: IncomingHttpHeaders): Promise<(Item | undefined)[]> => {
    if (!keys.length) return [];
    const found = new Map<string, Item>();
    const byTable: Record<string, { Keys: Key[]; ConsistentRead: true }> = {};
    for (const { table, key } of keys) (byTable[table] ??= { Keys: [], ConsistentRead: true }).Keys.push(key);
    let pending: Json | undefined = byTable;
    while (pending && Object.keys(pending).length) {
      const answer = await side('BatchGetItem', { RequestItems: pending }, headers);
      for (const [table, items] of Object.entries(answer.Responses as Record<string, Item[]>)) for (const item of items) found.set(keyId(table, keyOfItem(item)), item);
      pending = answer.UnprocessedKeys as Json | undefined;
    }
    return keys.map(({ table, key }) => found.get(keyId(table, key)));
  };

  const charge = (operation: string, images: WriteImages) => {
    const item = images.after ?? images.before;
    const family = familyOf(item);
    for (const c of writeCharges(images, appTable)) writes.push({ operation, target: c.target, partition: c.partition, family, units: c.units, bytes: c.bytes });
  };

  /** Prices one request around its forwarding; answers what DynamoDB Local answered. */
  const metered = async (operation: string, body: Json, headers: IncomingHttpHeaders, send: () => ReturnType<typeof forward>) => {
    if (operation === 'PutItem' || operation === 'UpdateItem' || operation === 'DeleteItem') {
      const table = String(body.TableName);
      const key = operation === 'PutItem' ? keyOfItem(body.Item as Item) : (body.Key as Key);
      const [before] = await getItems([{ table, key }], headers);
      const answer = await send();
      if (answer.status === 200) charge(operation, { before, after: operation === 'DeleteItem' ? undefined : (await getItems([{ table, key }], headers))[0] });
      else if (answer.body.includes('ConditionalCheckFailed')) charge(operation, { before: before ?? (key as Item), refused: true });
      return answer;
    }
    if (operation === 'TransactWriteItems') {
      const actions = (body.TransactItems as Record<string, Json>[]).map((entry) => {
        const [kind, action] = Object.entries(entry)[0]!;
        return { kind, table: String(action.TableName), key: kind === 'Put' ? keyOfItem(action.Item as Item) : (action.Key as Key) };
      });
      const before = await getItems(actions, headers);
      const answer = await send();
      if (answer.status === 200) {
        const after = await getItems(actions, headers);
        actions.forEach((action, i) => {
          if (action.kind === 'ConditionCheck') charge(operation, { before: before[i] ?? (action.key as Item), conditionCheck: true });
          else charge(operation, { before: before[i], after: action.kind === 'Delete' ? undefined : after[i], transactional: true });
        });
        if (options.recordTransactions) {
          transactions.push({
            request: body as RecordedTransaction['request'],
            existing: before.filter((item, i): item is Item => !!item && actions[i]!.kind !== 'Put'),
            created: before.map((item) => !item),
          });
          transactions = transactions.slice(-options.recordTransactions);
        }
      } else {
        // Cancelled (a condition failed): each action is charged as a refused transactional write (see docs/cost-model.md).
        actions.forEach((action, i) => charge(operation, { before: before[i] ?? (action.key as Item), refused: true, transactional: true }));
      }
      return answer;
    }
    if (operation === 'BatchWriteItem') {
      const actions = Object.entries(body.RequestItems as Record<string, Record<string, { Item?: Item; Key?: Key }>[]>).flatMap(([table, requests]) =>
        requests.map((r) => ({ table, kind: r.PutRequest ? 'Put' : 'Delete', key: r.PutRequest ? keyOfItem(r.PutRequest.Item!) : r.DeleteRequest!.Key! })),
      );
      const before = await getItems(actions, headers);
      const answer = await send();
      if (answer.status === 200) {
        const unprocessed = new Set(
          Object.entries((JSON.parse(answer.body.toString()) as Json).UnprocessedItems as Record<string, Record<string, { Item?: Item; Key?: Key }>[]>).flatMap(([table, requests]) =>
            requests.map((r) => keyId(table, r.PutRequest ? keyOfItem(r.PutRequest.Item!) : r.DeleteRequest!.Key!)),
          ),
        );
        const done = actions.map((a, i) => ({ ...a, before: before[i] })).filter((a) => !unprocessed.has(keyId(a.table, a.key)));
        const after = await getItems(done, headers);
        done.forEach((action, i) => charge(operation, { before: action.before, after: action.kind === 'Delete' ? undefined : after[i] }));
      }
      return answer;
    }
    const answer = await send();
    if (answer.status !== 200) return answer;
    const result = JSON.parse(answer.body.toString()) as Json;
    const mode = (consistent: unknown): Exclude<ReadMode, 'transactional'> => (consistent ? 'strong' : 'eventual');
    if (operation === 'GetItem') {
      const item = body.ProjectionExpression && result.Item ? (await getItems([{ table: String(body.TableName), key: body.Key as Key }], headers))[0] : (result.Item as Item | undefined);
      reads.push({ operation, units: itemReadUnits([item], mode(body.ConsistentRead)) });
    } else if (operation === 'BatchGetItem') {
      for (const [table, request] of Object.entries(body.RequestItems as Record<string, { Keys: Key[]; ConsistentRead?: boolean }>)) {
        const items = await getItems(request.Keys.map((key) => ({ table, key })), headers);
        reads.push({ operation, units: itemReadUnits(items, mode(request.ConsistentRead)) });
      }
    } else if (operation === 'TransactGetItems') {
      const gets = (body.TransactItems as { Get: { TableName: string; Key: Key } }[]).map(({ Get }) => ({ table: Get.TableName, key: Get.Key }));
      reads.push({ operation, units: itemReadUnits(await getItems(gets, headers), 'transactional') });
    } else if (operation === 'Query' || operation === 'Scan') {
      reads.push({ operation, units: queryReadUnits(await itemsRead(operation, body, headers), mode(body.ConsistentRead)) });
    }
    return answer;
  };

  /** The items a Query or Scan page read: the same page without its filter and projection. */
  const itemsRead = async (operation: string, body: Json, headers: IncomingHttpHeaders): Promise<Item[]> => {
    const { FilterExpression, ProjectionExpression, Select, ExpressionAttributeNames, ExpressionAttributeValues, ...rest } = body;
    if (!FilterExpression && !ProjectionExpression && (!Select || Select === 'ALL_ATTRIBUTES' || Select === 'ALL_PROJECTED_ATTRIBUTES')) {
      return ((await side(operation, body, headers)).Items as Item[] | undefined) ?? [];
    }
    // Only the names and values the key condition still uses: DynamoDB refuses unused ones.
    const used = String(rest.KeyConditionExpression ?? '');
    const keep = (map: unknown) => Object.fromEntries(Object.entries((map ?? {}) as Json).filter(([name]) => new RegExp(`${name}\\b`).test(used)));
    const names = keep(ExpressionAttributeNames);
    const values = keep(ExpressionAttributeValues);
    return (
      ((await side(operation, { ...rest, ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}), ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}) }, headers)).Items as
        | Item[]
        | undefined) ?? []
    );
  };

  /**
   * What DynamoDB Local itself reports (ReturnConsumedCapacity TOTAL, asked on every write when metering),
   * kept beside our figures for docs/cost-model.md's comparison; the caller's SDK ignores the extra field.
   */
  const askLocal = async (operation: string, body: Json, headers: IncomingHttpHeaders) => {
    const asked = !body.ReturnConsumedCapacity && /^(PutItem|UpdateItem|DeleteItem|TransactWriteItems|BatchWriteItem)$/.test(operation);
    const payload = Buffer.from(JSON.stringify(asked ? { ...body, ReturnConsumedCapacity: 'TOTAL' } : body));
    const { 'content-length': _length, ...rest } = headers;
    const answer = await forward({ method: 'POST', url: '/', headers: { ...rest, 'content-length': String(payload.length) } }, payload);
    if (asked && answer.status === 200) {
      const reported = (JSON.parse(answer.body.toString()) as Json).ConsumedCapacity as { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined;
      const units = [reported ?? []].flat().reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
      localReported[operation] = (localReported[operation] ?? 0) + units;
    }
    return answer;
  };

  const server: Server = createServer((req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? 'unknown').split('.').pop()!;
    counts[operation] = (counts[operation] ?? 0) + 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const isTable = String(req.headers['x-amz-target'] ?? '').startsWith('DynamoDB_');
      const parsed = metering && isTable ? (JSON.parse(body.toString()) as Json) : undefined;
      (parsed ? metered(operation, parsed, req.headers, () => askLocal(operation, parsed, req.headers)) : forward(req, body)).then(
        (answer) => {
          res.writeHead(answer.status, answer.headers);
          res.end(answer.body);
        },
        (error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    writes: () => [...writes],
    reads: () => [...reads],
    transactions: () => [...transactions],
    localReportedWriteUnits: () => ({ ...localReported }),
    setMeter: (on) => (metering = on),
    reset: () => {
      localReported = {};
      counts = {};
      writes = [];
      reads = [];
      transactions = [];
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function keyOfItem(item: Item): Key {
  const key: Key = { [appTable.partitionKey]: item[appTable.partitionKey] };
  if (appTable.sortKey) key[appTable.sortKey] = item[appTable.sortKey];
  return key;
}
const keyId = (table: string, key: Key) => `${table}|${JSON.stringify(key[appTable.partitionKey])}|${JSON.stringify(appTable.sortKey ? key[appTable.sortKey] : null)}`;

/** The item's entity, else its partition key up to the first `#` (idempotency records have no entity). */
function familyOf(item: Item | undefined): string {
  const entity = item?.entity;
  if (entity && 'S' in entity && entity.S) return entity.S;
  const pk = item?.[appTable.partitionKey];
  return pk && 'S' in pk ? pk.S.split('#')[0]! : '?';
}
