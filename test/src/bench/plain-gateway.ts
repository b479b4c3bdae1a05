import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { importGatewaySigningKey, signGatewayRequest, GATEWAY_SIGNATURE_HEADER } from '@rg/access';
import { subgraphUrlVariable } from '@rg/departments';
import { portNumber } from '@rg/settings';

/**
 * The load benchmark's baseline: a plain `new ApolloGateway({ supergraphSdl })` in an
 * ApolloServer on a plain HTTP server, with only what the departments require of any gateway:
 * the caller's Authorization header forwarded and each request signed with the gateway key
 * (and a write's Idempotency-Key, so that the write mix's retries mean the same everywhere).
 * No limits, no cost, no metrics, no circuit breakers, no caches. Started by bench/load.ts.
 */
interface Forwarded {
  authorization?: string;
  idempotencyKey?: string;
}

/**
 * Express's default error handler prints the stack of every body that is not JSON, a dozen
 * lines each, and the bad-input case sends thousands: they are counted, and the count printed
 * when the benchmark stops this gateway. Every other error is printed as it comes.
 */
function countMalformedBodies(): void {
  let malformed = 0;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('SyntaxError:') && args[0].includes('body-parser')) malformed++;
    else print(...args);
  };
  process.once('SIGTERM', () => {
    if (malformed) print(`${malformed} request bodies that were not JSON refused by express's body parser (their stacks not printed)`);
    process.exit(0);
  });
}

async function main(): Promise<void> {
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  countMalformedBodies();
  const key = await importGatewaySigningKey(process.env.GATEWAY_SIGNING_KEY!);
  const supergraphSdl = readFileSync(path.resolve(__dirname, '../../../supergraph.graphql'), 'utf8');
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name }) => {
      const url = process.env[subgraphUrlVariable(name as never)]!;
      return new (class extends RemoteGraphQLDataSource<Forwarded> {
        override willSendRequest({ request, context }: { request: { http?: { headers: { set(k: string, v: string): void } } }; context: Forwarded }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
          if (context.idempotencyKey) request.http?.headers.set('idempotency-key', context.idempotencyKey);
        }
      })({
        url,
        fetcher: (async (input: string, init?: RequestInit) => fetch(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), [GATEWAY_SIGNATURE_HEADER]: await signGatewayRequest(key, name, String(init?.body ?? '')) },
        })) as never,
      });
    },
  });
  // csrfPrevention off so that a plain GET can tell the benchmark it is ready.
  const server = new ApolloServer({ gateway, csrfPrevention: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: portNumber(process.env, 'GATEWAY_PORT', 0), host: '127.0.0.1' },
    context: async ({ req }): Promise<Forwarded> => ({ authorization: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined }),
  });
  console.log(`plain gateway ready at ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
