import { DEPARTMENTS, type Department } from '@rg/subgraph-kit';
import { breakerSettingsFromEnv, type BreakerSettings } from './circuit-breaker';

export const DEFAULT_SUBGRAPH_PORTS: Record<Department, number> = {
  hr: 4001, agriculture: 4002, poverty: 4003, 'youth-league': 4004, 'womens-federation': 4005,
};

/** HR_URL, AGRICULTURE_URL, …, YOUTH_LEAGUE_URL, WOMENS_FEDERATION_URL. */
export function subgraphUrlVariable(name: Department): string {
  return `${name.toUpperCase().replace(/-/g, '_')}_URL`;
}

export interface SubgraphEndpoint {
  name: Department;
  url: string;
}

export function subgraphEndpointsFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphEndpoint[] {
  return DEPARTMENTS.map((name) => ({
    name,
    url: env[subgraphUrlVariable(name)] ?? `http://127.0.0.1:${DEFAULT_SUBGRAPH_PORTS[name]}/graphql`,
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
  /** When a department is marked down and probed again (CIRCUIT_* variables). */
  circuitBreaker: BreakerSettings;
  corsOrigins: string[];
}

export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return {
    port: Number(env.GATEWAY_PORT ?? env.PORT ?? 4000),
    host: env.HOST ?? '127.0.0.1',
    supergraphPath: env.SUPERGRAPH_PATH || undefined,
    subgraphs: subgraphEndpointsFromEnv(env),
    production: Boolean(env.SUPERGRAPH_PATH) || env.NODE_ENV === 'production',
    subgraphTimeoutMs: Number(env.SUBGRAPH_TIMEOUT_MS ?? 10_000),
    circuitBreaker: breakerSettingsFromEnv(env),
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:3000').split(',').map((s) => s.trim()).filter(Boolean),
  };
}
