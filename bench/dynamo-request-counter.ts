import { createServer, request, type Server } from 'node:http';

/**
 * A pass-through proxy in front of DynamoDB Local that counts requests by operation
 * (X-Amz-Target), so "requests per API call" is measured on the wire, whatever client made them.
 */
export interface RequestCounter {
  endpoint: string;
  counts(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

export async function startRequestCounter(target: string, port: number): Promise<RequestCounter> {
  const upstream = new URL(target);
  let counts: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    const operation = String(req.headers['x-amz-target'] ?? 'unknown').split('.').pop()!;
    counts[operation] = (counts[operation] ?? 0) + 1;
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => res.destroy(error));
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    counts: () => ({ ...counts }),
    reset: () => (counts = {}),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
