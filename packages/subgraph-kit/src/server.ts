import 'reflect-metadata';
import http from 'node:http';
import { listenOnSocket } from './unix-socket';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import { departmentEntry } from '@rg/departments';
import { buildDepartmentSchema } from './federation-schema';
import { aggregateCacheMs, createDataSource, migrate } from '@rg/data-helpers';
import { createLogger, createMetrics, metricsPlugin } from '@rg/observability';
import {
  viewerFromHeader, InvalidTokenError, PUBLIC_VIEWER, AUDIT_REPLAY_PATH, gatewayKeySetFromEnv, type GatewayKeySet,
} from '@rg/access';
import { auditPlugin, unexpectedErrorLogPlugin } from './server-plugins';
import { formatError } from '@rg/api-errors';
import { AuditReceipts, AuditRecorder } from '@rg/audit';
import { auditReplayHandler, receiptSettingsFromEnv } from './audit-replay-endpoint';
import { federationChannelGuard, keepRawBody, type ChannelRequest } from './federation-channel';
import { graphqlEndpoint, isGraphQLPost } from './graphql-endpoint';
import bytes from 'bytes';
import { disclosureMinCount, maxRegionYears } from '@rg/region-scorecard';
import { IdempotencyClaim, purgeExpiredKeysHourly } from '@rg/idempotency';
import { idempotencyPlugin } from './idempotency-plugin';
import { RequestContext } from './request-context';
import type { DepartmentSubgraph } from './department';
import { importHandler } from './import-endpoint';
import type { DepartmentContext } from './context';
import { wholeNumber } from '@rg/settings';

export interface RunningSubgraph {
  url: string;
  port: number;
  /** The Unix socket it also serves on, when asked to (StartOptions.socketPath). */
  socketPath?: string;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Apply pending migrations before serving (the default; production may migrate separately). */
  migrate?: boolean;
  /** The gateway public keys accepted on the federation channel; GATEWAY_PUBLIC_KEYS when not given. */
  gatewayKeys?: GatewayKeySet;
  /** A Unix socket to serve on as well as the port (HR_SOCKET, …): same requests, same answers, for a gateway on this machine. */
  socketPath?: string;
}

/** Starts one department: its database, its schema, and an HTTP server with /graphql, /health, /ready, /metrics. */
export async function startSubgraph(department: DepartmentSubgraph, options: StartOptions): Promise<RunningSubgraph> {
  disclosureMinCount(); // a malformed DISCLOSURE_MIN_COUNT stops the start, not the first scorecard
  maxRegionYears(); // likewise SCORECARDS_MAX_REGION_YEARS
  aggregateCacheMs(); // and AGGREGATE_CACHE_MS, read when the first aggregate is kept
  const receipts = new AuditReceipts(receiptSettingsFromEnv()); // AUDIT_RECEIPT_MS, AUDIT_RECEIPT_RECORDS
  const logger = createLogger(department.name);
  const metrics = createMetrics(department.name);
  // An import streams its file while it writes: a million rows take minutes, far past Node's
  // 5-minute default for receiving a request. Public traffic is bounded by the gateway. Read
  // before the database is opened, so a bad value stops start-up with its name.
  const requestTimeoutMs = wholeNumber(process.env, 'SUBGRAPH_REQUEST_TIMEOUT_MS', 3_600_000, 0);
  const dataSource = createDataSource({
    url: options.databaseUrl,
    entities: department.entities,
    migrations: department.migrations,
    statements: metrics.dbStatements,
    logger,
  });
  await dataSource.initialize();
  if (options.migrate !== false) await migrate(dataSource);

  const schema = await buildDepartmentSchema(department.schema);
  const gatewayKeys = options.gatewayKeys ?? (await gatewayKeySetFromEnv());
  if (!gatewayKeys) logger.warn('no gateway public keys (GATEWAY_PUBLIC_KEYS): the federation channel is closed to everyone');
  const auditedTypes = new Set(Object.keys(department.schema.auditedTypes ?? {}));
  const stopPurgingKeys = purgeExpiredKeysHourly(dataSource, logger);
  const app = express();
  // Only the gateway calls a department, with POSTs it never revalidates: express's default
  // ETag was a SHA-1 over every answer, and X-Powered-By a header the gateway parsed for nothing.
  app.set('etag', false);
  app.disable('x-powered-by');
  // Requests are routed below: the gateway's POSTs to /graphql by the kit's own endpoint, the rest by express.
  const httpServer = http.createServer();
  const apollo = new ApolloServer<DepartmentContext>({
    schema,
    logger, // Apollo's own messages as JSON lines naming the department, like the rest
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    formatError,
    // The gateway never uses persisted queries; a hash instead of a query would slip past the channel guard.
    persistedQueries: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled(),
      // No field has a cache hint, and the gateway keeps no subgraph answer by HTTP caching:
      // the default plugin's hook on every field resolved was work for nothing.
      ApolloServerPluginCacheControlDisabled(),
      metricsPlugin(metrics, logger),
      idempotencyPlugin(dataSource), auditPlugin(dataSource, logger, receipts), unexpectedErrorLogPlugin(logger),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: department.name });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      // pid: whoever started this process can tell its answer from another process's on the same port.
      res.json({ status: 'ready', service: department.name, database: 'reachable', pid: process.pid });
    } catch {
      res.status(503).json({ status: 'not ready', service: department.name, database: 'unreachable' });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  if (department.imports?.length) {
    app.post('/import/:recordType', (req, res, next) => {
      importHandler(department.name, department.imports!, dataSource, logger)(req, res).catch(next);
    });
  }
  const maxBodyBytes = bytes.parse(process.env.SUBGRAPH_MAX_BODY ?? '32mb');
  if (maxBodyBytes === null) throw new Error(`SUBGRAPH_MAX_BODY is not a size: ${process.env.SUBGRAPH_MAX_BODY}`);
  const guard = federationChannelGuard({ department: department.name, schema, keys: gatewayKeys, logger });
  const context = async (req: ChannelRequest): Promise<DepartmentContext> => {
    let viewer = PUBLIC_VIEWER;
    try {
      viewer = await viewerFromHeader(req.headers.authorization);
    } catch (error) {
      // A subgraph called without a valid token serves only public data.
      if (!(error instanceof InvalidTokenError)) throw error;
    }
    const body = req.body as { operationName?: string } | undefined;
    const operationName = (req.headers['x-operation-name'] as string | undefined) ?? body?.operationName ?? null;
    const key = req.headers['idempotency-key'];
    const idempotency = typeof key === 'string' ? new IdempotencyClaim(viewer.subject, key) : null;
    const audit = new AuditRecorder(department.name, viewer, operationName, auditedTypes);
    const base = new RequestContext(viewer, dataSource, logger, operationName, audit, idempotency);
    return Object.assign(base, { loaders: department.createLoaders(dataSource, base) });
  };
  // A kept answer's reads written again before the gateway sends it (audit-replay-endpoint.ts).
  app.post(AUDIT_REPLAY_PATH, express.json({ limit: '64kb', verify: keepRawBody }),
    auditReplayHandler({ department: department.name, receipts, dataSource, guard, logger }));
  // Every other /graphql request (a GET, a body that is not JSON) as express serves it.
  app.use(
    '/graphql',
    // Scorecard key sets arrive here (~2.7 MB per 200,000 people); the public limit is the gateway's.
    express.json({ limit: maxBodyBytes, verify: keepRawBody }),
    guard,
    expressMiddleware(apollo, { context: ({ req }) => context(req) }),
  );
  const graphqlPost = graphqlEndpoint({
    apollo, guard, context, maxBodyBytes,
    onError: (error, _req, res) => {
      logger.error({ err: (error as Error).message }, 'graphql request failed before Apollo answered');
      if (res.headersSent) return void res.destroy();
      const body = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    },
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => (isGraphQLPost(req) ? graphqlPost(req, res) : app(req, res)));

  httpServer.requestTimeout = requestTimeoutMs;
  const port = options.port ?? departmentEntry(department.name).port;
  await new Promise<void>((resolve) => httpServer.listen(port, options.host ?? '127.0.0.1', resolve));
  const actualPort = (httpServer.address() as { port: number }).port;
  const url = `http://${options.host ?? '127.0.0.1'}:${actualPort}/graphql`;
  const socket = options.socketPath ? await listenOnSocket(httpServer, options.socketPath) : undefined;
  logger.info({ url, socket: options.socketPath }, `${department.name} subgraph ready`);

  return {
    url,
    port: actualPort,
    socketPath: options.socketPath,
    dataSource,
    async stop() {
      stopPurgingKeys();
      // The socket stops listening first: its file goes with it, so a gateway finds it gone (as a
      // closed port). Its open connections are the HTTP server's, drained with the port's by
      // apollo.stop(); only then has the socket closed.
      const socketClosed = socket?.close();
      await apollo.stop();
      await socketClosed;
      await dataSource.destroy();
    },
  };
}
