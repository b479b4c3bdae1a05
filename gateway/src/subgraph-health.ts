import type { Logger } from '@rg/observability';
import type { SubgraphEndpoint } from './config';

export const readyUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '/ready');

async function isReachable(endpoint: SubgraphEndpoint, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(readyUrl(endpoint.url), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

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
      throw new Error(`departments not reachable: ${waiting.map((e) => `${e.name} (${e.url})`).join(', ')}`);
    }
    if (attempt % 10 === 0) logger.info({ waiting: waiting.map((e) => e.name) }, 'waiting for departments');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
