// First, before anything loads @apollo/gateway (preload.ts).
import './preload';
import { usesDevelopmentSecret, tokenConfigFromEnv } from '@rg/access';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway-server';
import { queryLimitsFromEnv } from './limits';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  if (config.production && usesDevelopmentSecret(tokenConfigFromEnv())) {
    throw new Error('refusing to start in production with the development token secret: set JWT_SECRET or JWT_JWKS_URL');
  }
  if (config.production && !config.signingKey) {
    throw new Error('refusing to start in production without GATEWAY_SIGNING_KEY: the departments answer entity requests only to a signing gateway (npm run token -- gateway makes a key pair)');
  }
  const gateway = await startGateway(config, queryLimitsFromEnv());
  const stop = async () => {
    await gateway.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
