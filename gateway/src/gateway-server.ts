import http from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import cors from 'cors';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { createLogger, type Logger, createMetrics, metricsPlugin } from '@rg/observability';
import { viewerFromHeader, InvalidTokenError } from '@rg/access';
import { formatError } from '@rg/api-errors';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import { DepartmentDataSource } from './department-data-source';
import { createRequestSigner, type RequestSigner } from './request-signing';
import { subgraphReachability, waitForSubgraphs } from './subgraph-health';
import { armor, type QueryLimits } from './limits';
import { queryCostPlugin } from './query-cost';
import { watchDepartments } from './department-watch';
import { speedMechanisms } from './speed';
import type { FetchSharing } from './department-data-source';
import { mountBrowserPages } from './browser-pages';
import { graphqlPost, isPlainGraphQLPost } from './graphql-post';
import { rememberOperations } from './operation-memo';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function createGateway(
  config: GatewayConfig,
  departments: ReturnType<typeof watchDepartments>,
  logger: Logger,
  signer?: RequestSigner,
  sharing?: FetchSharing,
): ApolloGateway {
  // @apollo/gateway otherwise sends usage metrics to Apollo and probes cloud metadata
  // addresses (169.254.169.254, 100.100.100.200) from the constructor. The stack runs in
  // networks without internet and calls nobody uninvited; an operator can still opt in
  // by setting the variable to 0.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  // Each query's Operation built once, not per request (operation-memo.ts). main.ts has had it
  // done already (preload.ts); done again here (it is idempotent) for any other caller of startGateway.
  rememberOperations();
  // The URL comes from the supergraph (or composition); a department's socket from this
  // gateway's own settings, by name: a composed supergraph file names no socket.
  const socketOf = (name: string) => config.subgraphs.find((endpoint) => endpoint.name === name)?.socketPath;
  const buildService = ({ name, url }: { name: string; url?: string }) => new DepartmentDataSource(
    name, url!, config.subgraphTimeoutMs, departments.watchFor(name, url!, socketOf(name)), signer, sharing, socketOf(name),
  );
  if (config.supergraphPath) {
    return new ApolloGateway({ supergraphSdl: readFileSync(config.supergraphPath, 'utf8'), buildService, logger });
  }
  return new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs: config.subgraphs, pollIntervalInMs: config.supergraphPollMs }),
    buildService,
    logger,
  });
}

/** The gateway: one graph over the five departments, with /health, /ready and /metrics beside it. */
export async function startGateway(config: GatewayConfig, limits: QueryLimits): Promise<RunningGateway> {
  const logger = createLogger('gateway');
  const metrics = createMetrics('gateway');
  if (!config.supergraphPath) await waitForSubgraphs(config.subgraphs, logger);

  const signer = config.signingKey ? await createRequestSigner(config.signingKey) : undefined;
  if (!signer) logger.warn('no GATEWAY_SIGNING_KEY: departments will refuse this gateway entity requests and composition');
  const departments = watchDepartments(config.circuitBreaker, metrics.registry, logger);
  const speed = speedMechanisms(config.speed, metrics.registry, config.subgraphTimeoutMs);
  const gateway = createGateway(config, departments, logger, signer, speed.sharing);
  let supergraphLoaded = false;
  gateway.onSchemaLoadOrUpdate(() => {
    supergraphLoaded = true;
  });

  const app = express();
  app.disable('x-powered-by'); // tells a caller nothing it needs
  // Requests are routed at the end: plain GraphQL POSTs by graphqlPost, the rest by express.
  const httpServer = http.createServer();
  const protection = armor(limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    logger, // Apollo's own messages (e.g. a failed schema poll) as JSON lines naming the gateway
    introspection: !config.production,
    includeStacktraceInErrorResponses: process.env.NODE_ENV === 'development',
    allowBatchedHttpRequests: false,
    formatError,
    // A kept answer is serialised once, not per request that reuses it (kept-answer-text.ts).
    ...(speed.texts ? { stringifyResult: speed.texts.stringify } : {}),
    validationRules: protection.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The gateway sets no Cache-Control on answers and no department sends cache hints: the
      // default plugin only parsed each department answer's (absent) header and hooked fields.
      ApolloServerPluginCacheControlDisabled(),
      ...protection.plugins, queryCostPlugin(limits.maxCost, config.speed.costCacheSize), metricsPlugin(metrics, logger), ...speed.plugins],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/ready', async (_req, res) => {
    const subgraphs = await subgraphReachability(config.subgraphs);
    res.status(supergraphLoaded ? 200 : 503).json({
      status: supergraphLoaded ? 'ready' : 'not ready',
      supergraph: supergraphLoaded ? 'loaded' : 'not loaded',
      subgraphs,
      pid: process.pid, // lets a supervisor tell this process's answer from another's on the port
    });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  mountBrowserPages(app, config, () => gateway.schema); // before /graphql: a browser's GET gets the explorer, not Apollo's CDN page
  // GraphQL answers are POSTed afresh, never revalidated: express's default ETag was a SHA-1
  // over every answer. The pages beside them (the explorer's schema) keep theirs.
  const contextFor = async (headers: http.IncomingHttpHeaders, body: { operationName?: unknown }): Promise<GatewayContext> => {
    const authorization = headers.authorization;
    try {
      const viewer = await viewerFromHeader(authorization);
      return {
        authorization, role: viewer.role, entitlement: `${viewer.role}\n${[...viewer.scopes].sort().join(' ')}`,
        operationName: body.operationName as string | undefined, departmentsAsked: new Set<string>(),
      };
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      throw new GraphQLError(`Invalid bearer token: ${error.message}`, {
        extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
      });
    }
  };
  const graphql = express();
  graphql.set('etag', false);
  app.use('/graphql', graphql);
  graphql.use(
    cors({ origin: config.corsOrigins }),
    express.json({ limit: limits.maxBodyBytes }),
    expressMiddleware(apollo, { context: ({ req }) => contextFor(req.headers, req.body ?? {}) }),
  );

  // Oversized or malformed bodies get a GraphQL-shaped answer, not express's HTML page.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (!error.status) return next(error);
    const message = error.type === 'entity.too.large' ? `Request body larger than ${limits.maxBodyBytes} bytes` : 'Malformed request body';
    res.status(error.status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  const plainPost = graphqlPost({
    apollo, context: contextFor, maxBodyBytes: limits.maxBodyBytes, keptBytes: speed.texts?.bytesOf,
    onError: (error, res) => {
      logger.error({ err: (error as Error).message }, 'graphql request failed before Apollo answered');
      if (res.headersSent) return void res.destroy();
      const body = JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
    },
  });
  httpServer.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => (isPlainGraphQLPost(req) ? plainPost(req, res) : app(req, res)));

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as { port: number }).port;
  const url = `http://${config.host}:${port}/graphql`;
  logger.info({ url, mode: config.production ? 'production' : 'development' }, 'gateway ready');
  return {
    url,
    port,
    async stop() {
      departments.stop();
      await apollo.stop();
    },
  };
}
