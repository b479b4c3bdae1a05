import { spawnService, waitUntilReady, type ServiceProcess } from '@rg/infra';
import { freePort } from '@rg/dev-postgres';

/** Every speed switch of gateway/src/config.ts off: what the gateway did before them. */
export const SPEED_WORK_OFF: NodeJS.ProcessEnv = {
  GATEWAY_RESPONSE_CACHE_MS: '0',
  GATEWAY_SHARE_IN_FLIGHT: 'false',
  GATEWAY_DEDUPLICATE_FETCHES: 'false',
  GATEWAY_BATCH_ENTITY_FETCHES: 'false',
  GATEWAY_COST_CACHE_SIZE: '0',
};

/** A gateway process on a free port beside the stack's own, ready when `health` (PORT filled in) answers. */
export async function startGatewayProcess(name: string, entry: string, env: NodeJS.ProcessEnv, health: string): Promise<{ service: ServiceProcess; url: string }> {
  const port = await freePort();
  const service = spawnService(name, entry, { ...env, GATEWAY_PORT: String(port) }, true);
  await waitUntilReady(health.replace('PORT', String(port)), 120_000, service.child);
  return { service, url: `http://127.0.0.1:${port}/graphql` };
}
