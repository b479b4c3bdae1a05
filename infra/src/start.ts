import path from 'node:path';
import { defaultDataDir } from '@rg/dev-postgres';
import { GATEWAY_PORT, ROLES } from '@rg/departments';
import { signToken } from '@rg/access';
import { startStack } from './stack';
import { EXAMPLE_QUERIES } from './example-queries';
import { portNumber } from '@rg/settings';
import { demoTrainees } from './seed-province';
import { EMBEDDED_PORT } from './local-databases';

/** `npm start`: the whole province on one machine, from an empty checkout. */
async function main(): Promise<void> {
  const began = Date.now();
  const repoRoot = path.resolve(__dirname, '..', '..');
  const dataDir = process.env.POSTGRES_DATA_DIR ?? defaultDataDir(repoRoot);
  const traineesArgument = process.argv.find((a) => a.startsWith('--trainees='))?.split('=')[1];
  const trainees = process.env.DEMO_TRAINEES?.trim() || !traineesArgument
    ? demoTrainees()
    : demoTrainees({ '--trainees': traineesArgument }, '--trainees');
  console.log(`Starting the returnee graph (PostgreSQL data in ${dataDir}, ${trainees} demo trainees)…`);
  const stack = await startStack({
    dataDir,
    postgresPort: EMBEDDED_PORT,
    gatewayPort: portNumber(process.env, 'GATEWAY_PORT', GATEWAY_PORT),
    manifestPorts: true,
    trainees,
    quiet: process.env.VERBOSE !== '1',
    progress: true,
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const lines = [
    '',
    `Ready in ${((Date.now() - began) / 1000).toFixed(1)} s.`,
    `Gateway:  ${stack.gatewayUrl}`,
    `  workbench          ${new URL('/workbench/', stack.gatewayUrl)}   (analysts: scorecards, comparisons, records, exports)`,
    `  explorer           ${new URL('/explorer', stack.gatewayUrl)}   (GraphiQL with the README's queries)`,
    ...Object.entries(stack.subgraphUrls).map(([name, url]) => `  ${name.padEnd(18)} ${url}`),
    Object.keys(stack.subgraphSockets).length
      ? `The gateway reaches the departments, and they PostgreSQL, over Unix sockets in ${path.dirname(Object.values(stack.subgraphSockets)[0])} (UNIX_SOCKETS=off: TCP only).`
      : 'Every connection over TCP (UNIX_SOCKETS=off).',
    '',
    process.env.GATEWAY_SIGNING_KEY && process.env.GATEWAY_PUBLIC_KEYS
      ? 'Gateway keys: GATEWAY_SIGNING_KEY and GATEWAY_PUBLIC_KEYS from the environment.'
      : 'Gateway keys: a key pair generated for this run; the departments answer entity requests to this gateway only.\n' +
        '  To admit a second gateway, start with GATEWAY_SIGNING_KEY and GATEWAY_PUBLIC_KEYS set (npm run token -- gateway).',
    '',
    'Development tokens (send as "Authorization: Bearer <token>"; `npm run token -- <role>` makes more):',
  ];
  for (const role of ROLES) lines.push(`  ${role.padEnd(18)} ${await signToken(role)}`);
  lines.push('', 'Example queries:', EXAMPLE_QUERIES, '', 'Ctrl-C stops everything.');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
