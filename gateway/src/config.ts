import { DEPARTMENTS, GATEWAY_PORT, defaultSubgraphUrl, socketVariable, subgraphUrlVariable, type Department } from '@rg/departments';
import { breakerSettingsFromEnv, type BreakerSettings } from './circuit-breaker';
import { speedSettingsFromEnv, type SpeedSettings } from './speed-settings';
import { portNumber, wholeNumber } from '@rg/settings';

/** HR_URL, AGRICULTURE_URL, …: one variable per department of the manifest; HR_SOCKET, … beside them. */
export { subgraphUrlVariable, socketVariable };

export interface SubgraphEndpoint {
  name: Department;
  /** The department's GraphQL URL: its path, and its address when no socket is set. */
  url: string;
  /**
   * The department's Unix socket on this machine (HR_SOCKET, …): the same requests to the same
   * paths of `url`, carried over the socket instead of loopback TCP. Unset: TCP to the URL.
   */
  socketPath?: string;
}

export function subgraphEndpointsFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphEndpoint[] {
  return DEPARTMENTS.map((name) => ({
    name,
    url: env[subgraphUrlVariable(name)] ?? defaultSubgraphUrl(name),
    socketPath: env[socketVariable(name)]?.trim() || undefined,
  }));
}

export interface GatewayConfig {
  port: number;
  host: string;
  /** A composed supergraph to serve (production mode) instead of composing at start-up. */
  supergraphPath?: string;
  subgraphs: SubgraphEndpoint[];
  production: boolean;
  /** Per-subgraph request timeout. */
  subgraphTimeoutMs: number;
  /**
   * SUPERGRAPH_POLL_MS (10000): how often the gateway asks each department for its schema when
   * it composes them itself. The poll goes through the same circuit breaker as any fetch, so a
   * department found gone by a poll is marked down as by a request.
   */
  supergraphPollMs: number;
  /** When a department is marked down and probed again (CIRCUIT_* variables). */
  circuitBreaker: BreakerSettings;
  corsOrigins: string[];
  /** GATEWAY_SIGNING_KEY: the private key the departments know this gateway by. */
  signingKey?: string;
  /** The speed mechanisms' switches (GATEWAY_RESPONSE_CACHE_MS, GATEWAY_SHARE_IN_FLIGHT, …). */
  speed: SpeedSettings;
  /** GraphiQL at /explorer and for browsers at /graphql: on in development, in production only with EXPLORER=on. */
  explorer: boolean;
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const production = Boolean(env.SUPERGRAPH_PATH) || env.NODE_ENV === 'production';
  return {
    // GATEWAY_PORT, else PORT (0: any free port).
    port: portNumber(env, env.GATEWAY_PORT?.trim() ? 'GATEWAY_PORT' : 'PORT', GATEWAY_PORT),
    host: env.HOST ?? '127.0.0.1',
    supergraphPath: env.SUPERGRAPH_PATH || undefined,
    subgraphs: subgraphEndpointsFromEnv(env),
    production,
    subgraphTimeoutMs: wholeNumber(env, 'SUBGRAPH_TIMEOUT_MS', 10_000, 1),
    supergraphPollMs: wholeNumber(env, 'SUPERGRAPH_POLL_MS', 10_000, 1),
    circuitBreaker: breakerSettingsFromEnv(env),
    signingKey: env.GATEWAY_SIGNING_KEY?.trim() || undefined,
    speed: speedSettingsFromEnv(env),
    explorer: !production || env.EXPLORER === 'on',
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:3000').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
