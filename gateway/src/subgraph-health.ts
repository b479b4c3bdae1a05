import type { Logger } from '@rg/observability';
import type { SubgraphEndpoint } from './config';
import { departmentReady } from './department-http';

export const readyUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '/ready');

/** Over the department's socket when it has one, as its GraphQL requests go. */
const isReachable = (endpoint: SubgraphEndpoint, timeoutMs = 2000) => departmentReady(readyUrl(endpoint.url), endpoint.socketPath, timeoutMs);

/** Which departments answer right now: reported by the gateway's /ready. */
export async function subgraphReachability(endpoints: SubgraphEndpoint[]): Promise<Record<string, 'reachable' | 'unreachable'>> {
  const results = await Promise.all(endpoints.map(async (e) => [e.name, (await isReachable(e)) ? 'reachable' : 'unreachable'] as const));
  return Object.fromEntries(results);
}

/**
 * Composition at start-up needs every department's schema: wait for late ones rather than
 * fail, saying which are still missing.
 */
export async function waitForSubgraphs(endpoints: SubgraphEndpoint[], logger: Logger, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = endpoints;
  for (let attempt = 0; ; attempt++) {
    const reachable = await Promise.all(waiting.map((e) => isReachable(e)));
    waiting = waiting.filter((_, i) => !reachable[i]);
    if (!waiting.length) return;
    if (Date.now() > deadline) {
      throw new Error(`departments not reachable: ${waiting.map((e) => `${e.name} (${e.socketPath ? `${e.url} over ${e.socketPath}` : e.url})`).join(', ')}`);
    }
    if (attempt % 10 === 0) logger.info({ waiting: waiting.map((e) => e.name) }, 'waiting for departments');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
