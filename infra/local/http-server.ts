import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AppDefinition, RouteDef } from '../definition/types';
import { integrationRoutes } from '../definition/integration-api';
import { buildApiEvent, gatewayError, toHttpResponse, type ApiContext, type HttpResponse } from './api-gateway-event';
import type { JwtAuthorizer } from './jwt-authorizer';
import { FunctionTimeoutError, type LambdaRuntime } from './lambda-runtime';
import { filesPathPrefix } from '../../shared/adapters/disk-file-store';
import type { FileStore } from '../../shared/adapters/file-store';
import { closeServer } from './close-server';
import { handleFileUrl } from './file-urls';
import { listenOnLocalhost } from './localhost-listen';
import { throughLocalEdge } from './edge';
import { readBody } from './read-body';
import { RouteTable } from './route-table';
import { serveStatic } from './static-files';

/**
 * The app's one origin on a laptop, as CloudFront is in the cloud: `/api/*` goes to the HTTP API
 * (the definition's routes, JWT authorizer, payload limits, Lambda proxy integration), `/files/*`
 * is the file store's signed URLs (S3's part), `/config.json` tells the web UI where sign-in is,
 * and every other GET is the built web UI.
 */
export interface HttpServerOptions {
  definition: AppDefinition;
  runtime: LambdaRuntime;
  authorizer: JwtAuthorizer;
  /** The web UI's runtime configuration, served as /config.json. */
  webConfig: Record<string, unknown>;
  webDistDir: string;
  accountId: string;
  /** What the local edge tells the API functions it is (shared/config/edge.ts). */
  edgeSecret: string;
  /** One line per API request, or nothing. */
  log?: (line: string) => void;
  /** The disk file store and the secret its signed URLs carry (ADR 0010), served under /files/. */
  files?: { store: FileStore; secret: string };
}

const healthPath = '/api/health';

export class LocalHttpServer {
  readonly routes: readonly RouteDef[];
  private readonly table: RouteTable;
  private server: Server | undefined;
  private closeIpv6: () => Promise<void> = () => Promise.resolve();
  private ready = false;

  private readonly integrationRoutes: ReadonlySet<string>;

  constructor(private readonly options: HttpServerOptions) {
    for (const route of options.definition.routes) options.runtime.functionDef(route.function);
    this.table = new RouteTable(options.definition.routes);
    this.routes = this.table.routes;
    this.integrationRoutes = new Set(integrationRoutes(options.definition).map((r) => `${r.method} ${r.path}`));
  }

  /** The key authorizer function, invoked as API Gateway would (payload 2.0, simple responses). */
  private async authorizeApiKey(apiKey: string, routeKey: string, req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : Array.isArray(value) ? [[name, value.join(',')]] : [])));
    // A failing authorizer is API Gateway's 500, which the request handler answers for a throw.
    const result = (await this.options.runtime.invoke(this.options.definition.apiKeyAuthorizer, {
      version: '2.0',
      type: 'REQUEST',
      routeArn: `arn:aws:execute-api:local:${this.options.accountId}:integration/$default/${routeKey.replace(' ', '')}`,
      identitySource: [apiKey],
      routeKey,
      headers,
    })) as SimpleAuthorizerResult;
    return result.isAuthorized ? (result.context ?? {}) : undefined;
  }

  /** Listens on the port (0: any free one) of localhost, refusing one another process holds; returns the app URL. */
  async listen(port: number): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('[http] request failed', error);
        if (!res.headersSent) send(res, gatewayError(500, 'Internal Server Error'));
        else res.destroy();
      });
    });
    const listening = await listenOnLocalhost(server, port);
    this.server = server;
    this.closeIpv6 = listening.close;
    return `http://localhost:${listening.port}`;
  }

  /** From now on GET /api/health is answered by its handler instead of 503. */
  markReady(): void {
    this.ready = true;
  }

  /** Stops accepting requests; requests in progress get a few seconds to be answered. */
  close(): Promise<void> {
    return Promise.all([closeServer(this.server), this.closeIpv6()]).then(() => undefined);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0]!;
    if (pathname === '/api' || pathname.startsWith('/api/')) return this.handleApi(req, res, url, pathname);
    if (pathname.startsWith(filesPathPrefix) && this.options.files) return handleFileUrl(req, res, this.options.files.store, this.options.files.secret);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, gatewayError(404, 'Not Found'));
    if (pathname === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(JSON.stringify(this.options.webConfig));
      return;
    }
    return serveStatic(req, res, this.options.webDistDir, pathname);
  }

  private async handleApi(req: IncomingMessage, res: ServerResponse, url: string, pathname: string): Promise<void> {
    const started = Date.now();
    const requestId = randomBytes(10).toString('base64');
    const response = await this.apiResponse(req, url, pathname, requestId);
    response.headers['apigw-requestid'] = requestId;
    send(res, response);
    this.options.log?.(`${req.method} ${pathname} → ${response.statusCode} (${Date.now() - started} ms)`);
  }

  private async apiResponse(req: IncomingMessage, url: string, pathname: string, requestId: string): Promise<HttpResponse> {
    const method = req.method ?? 'GET';
    if (!this.ready && method === 'GET' && pathname === healthPath) {
      req.resume();
      return { statusCode: 503, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify({ status: 'starting' })) };
    }
    const match = this.table.match(method, pathname);
    if (!match) {
      req.resume();
      return gatewayError(404, 'Not Found');
    }
    const body = await readBody(req, this.options.definition.maxRequestBodyBytes);
    if (!body) return gatewayError(413, 'Request Entity Too Large', { connection: 'close' });

    const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
    const apiKey = req.headers['x-api-key'];
    // The integration API (ADR 0015): in the cloud a second HTTP API, called directly; here the
    // same server, chosen by the API key header.
    const viaIntegrationApi = typeof apiKey === 'string' && !req.headers.authorization;
    let authorizer: ApiContext['authorizer'];
    if (viaIntegrationApi) {
      if (!this.integrationRoutes.has(match.routeKey)) return gatewayError(404, 'Not Found');
      const decision = await this.authorizeApiKey(apiKey, match.routeKey, req);
      if (!decision) return gatewayError(403, 'Forbidden');
      authorizer = { lambda: decision };
    } else if (match.route.access === 'signed-in') {
      authorizer = this.options.authorizer.authorize(req.headers.authorization);
      if (!authorizer) return gatewayError(401, 'Unauthorized', { 'www-authenticate': 'Bearer' });
    }
    const event = buildApiEvent(
      {
        method,
        url,
        rawHeaders: viaIntegrationApi ? req.rawHeaders : throughLocalEdge(req.rawHeaders, sourceIp, this.options.edgeSecret),
        body,
        sourceIp,
        httpVersion: req.httpVersion,
        port: req.socket.localPort ?? 0,
      },
      match,
      { accountId: this.options.accountId, apiId: 'local', requestId, now: new Date(), ...(authorizer ? { authorizer } : {}) },
    );
    try {
      return toHttpResponse(await this.options.runtime.invoke(match.route.function, event));
    } catch (error) {
      if (error instanceof FunctionTimeoutError) {
        console.error(`[api] ${match.routeKey}: ${error.message}`);
        return gatewayError(503, 'Service Unavailable');
      }
      console.error(`[api] ${match.routeKey} failed`, error);
      return gatewayError(500, 'Internal Server Error');
    }
  }
}

/** What a Lambda authorizer answers in the simple response format. */
interface SimpleAuthorizerResult {
  isAuthorized?: boolean;
  context?: Record<string, unknown>;
}

function send(res: ServerResponse, response: HttpResponse): void {
  const headers: Record<string, string | string[]> = { ...response.headers, 'content-length': String(response.body.length) };
  const cookies = [...(response.headers['set-cookie'] ? [response.headers['set-cookie']] : []), ...response.cookies];
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.statusCode, headers);
  res.end(response.body);
}
