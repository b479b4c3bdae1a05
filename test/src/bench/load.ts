import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, departments, type ServiceProcess } from '@rg/infra';
import { signToken } from '@rg/access';
import { subgraphUrlVariable } from '@rg/departments';
import { LOAD_CASES, LOAD_SCHEDULE, CLEAN_CASE_FOR_BAD_INPUT, type Tokens } from './load-cases';
import { loadSettings, runCase, summarise, type Measured } from './load-run';
import { printResults, type GatewayRun } from './load-report';
import { SPEED_WORK_OFF, startGatewayProcess } from './load-gateways';
import { wholeNumber } from '@rg/settings';

/**
 * `npm run bench:load`: the stack under LOAD_CONNECTIONS (10) clients through three gateways
 * on the same five subgraphs and PostgreSQL, one after another: ours as configured (every
 * speed mechanism at its default), ours with them switched off (today's gateway features), and
 * a plain ApolloGateway with only the request signing the departments require. Only ours
 * reaches the departments over their Unix sockets (the stack's default; UNIX_SOCKETS=off for
 * TCP); the departments reach PostgreSQL over its socket for all three. Each case gets
 * a warm-up of LOAD_WARMUP_SECONDS (5), then LOAD_SECONDS (15) measured, in the order of
 * LOAD_SCHEDULE (clean and bad-input query 2 twice each, alternating, pooled). A benchmark: it
 * prints figures, and exits 1 only when a valid request got a transport error or GraphQL errors.
 */
const { seconds, warmupSeconds, connections, trainees } = loadSettings();
/**
 * Before anything is measured, every case runs this long through the plain gateway, unmeasured.
 * Without it the gateway measured first met a colder stack than the ones after it: on varied
 * query 2, ours and ours-with-the-speed-work-off each on a fresh stack served the same 52
 * requests/s, while in one run the first gateway got 54 and the later ones 87-89.
 */
const primeSeconds = wholeNumber(process.env, 'LOAD_PRIME_SECONDS', 20, 0);

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-load-'));
  chmodSync(root, 0o755); // run as root, PostgreSQL runs as its own user
  const dataDir = path.join(root, 'postgres');
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`;
  console.log(`Load: ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s per case, ${trainees.toLocaleString()} trainees; ${machine}`);
  const stack = await startStack({ dataDir, trainees, quiet: true });
  const extra: ServiceProcess[] = [];
  try {
    const tokens: Tokens = { admin: await signToken('admin'), hr: await signToken('hr'), womensFederation: await signToken('womens-federation') };
    const subgraphEnv: NodeJS.ProcessEnv = { GATEWAY_SIGNING_KEY: stack.gatewayKeys.signingKey };
    for (const department of departments) subgraphEnv[subgraphUrlVariable(department.name)] = stack.subgraphUrls[department.name];
    const todays = await startGatewayProcess('gateway-speed-work-off', require.resolve('@rg/gateway/dist/main.js'),
      { ...subgraphEnv, ...SPEED_WORK_OFF }, 'http://127.0.0.1:PORT/ready');
    extra.push(todays.service);
    const plain = await startGatewayProcess('plain-apollo-gateway', path.join(__dirname, 'plain-gateway.js'),
      subgraphEnv, 'http://127.0.0.1:PORT/graphql?query=%7B__typename%7D');
    extra.push(plain.service);

    const subgraphPids = Object.fromEntries(departments.map((d) => [d.name, stack.services.get(d.name)!.child.pid!]));
    const gateways = [
      {
        name: 'ours',
        description: `this gateway, every speed mechanism at its default${Object.keys(stack.subgraphSockets).length ? ', departments over their Unix sockets' : ', departments over TCP (UNIX_SOCKETS=off)'}`,
        url: stack.gatewayUrl, pid: stack.services.get('gateway')!.child.pid!,
      },
      { name: 'ours, speed work off', description: 'this gateway with the switches of SPEED_WORK_OFF (today\'s features), departments over TCP', url: todays.url, pid: todays.service.child.pid! },
      { name: 'plain ApolloGateway', description: 'new ApolloGateway({ supergraphSdl }) + ApolloServer, signing only, departments over TCP', url: plain.url, pid: plain.service.child.pid! },
    ];
    const runs: GatewayRun[] = [];
    let failures = 0;
    if (primeSeconds > 0) {
      for (const loadCase of LOAD_CASES) {
        await runCase({
          url: plain.url, loadCase, tokens, connections, seconds: primeSeconds, warmupSeconds: 1,
          pids: { gateway: plain.service.child.pid!, ...subgraphPids }, postgresDataDir: dataDir,
        });
      }
      console.log(`  primed: every case ${primeSeconds} s through the plain gateway, unmeasured`);
    }
    for (const gateway of gateways) {
      const measured: Measured[][] = LOAD_CASES.map(() => []);
      for (const index of LOAD_SCHEDULE) {
        const loadCase = LOAD_CASES[index];
        const result = await runCase({
          url: gateway.url, loadCase, tokens, connections, seconds, warmupSeconds,
          pids: { gateway: gateway.pid, ...subgraphPids }, postgresDataDir: dataDir,
        });
        console.log(`  ${gateway.name} · ${loadCase.name}: ${result.requestsPerSecond.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`);
        if (result.transportErrors > 0 || result.validFailed > 0) failures++;
        measured[index].push(result.measured);
      }
      runs.push({ ...gateway, results: measured.map((runsOfCase) => summarise(runsOfCase)) });
    }
    printResults(runs, LOAD_CASES, CLEAN_CASE_FOR_BAD_INPUT, machine);
    if (failures) process.exitCode = 1;
  } finally {
    await Promise.all(extra.map((s) => s.stop()));
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
