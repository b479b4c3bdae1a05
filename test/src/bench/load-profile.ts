import { mkdtempSync, mkdirSync, rmSync, chmodSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, departments, type ServiceProcess } from '@rg/infra';
import { signToken } from '@rg/access';
import { subgraphUrlVariable } from '@rg/departments';
import { LOAD_CASES, type Tokens } from './load-cases';
import { loadSettings, runCase } from './load-run';
import { SPEED_WORK_OFF, startGatewayProcess } from './load-gateways';
import { summariseProfile } from './cpu-profile';
import { wholeNumber } from '@rg/settings';
import { metricSum, seriesSum } from '@rg/dev-postgres';

/**
 * `npm run bench:load:profile`: one case of `bench:load` (LOAD_CASE, its index, 2 = query 2
 * varied) against one gateway (LOAD_GATEWAY: ours, off = ours with the speed work off, plain),
 * with every Node process of the stack sampled by the CPU profiler (cpu-profiler-preload.ts). Prints the CPU milliseconds each
 * process spent per request, then each process's functions with the most self and inclusive
 * time (PROFILE_TOP, 20) in the measured period only. Where a request's CPU goes, before and
 * after a change, in the same conditions; throughput on a busy machine says little.
 */
const { seconds, warmupSeconds, connections, trainees } = loadSettings();
/** LOAD_REQUESTS / LOAD_WARMUP_REQUESTS: a fixed number of requests instead of seconds (a busy machine serves fewer). */
const requests = process.env.LOAD_REQUESTS?.trim() ? wholeNumber(process.env, 'LOAD_REQUESTS', 0, 1) : undefined;
const warmupRequests = process.env.LOAD_WARMUP_REQUESTS?.trim() ? wholeNumber(process.env, 'LOAD_WARMUP_REQUESTS', 0, 0) : undefined;
const caseIndex = wholeNumber(process.env, 'LOAD_CASE', 2, 0);
const which = process.env.LOAD_GATEWAY ?? 'ours';
const top = wholeNumber(process.env, 'PROFILE_TOP', 20, 1);
const only = process.env.PROFILE_PROCESSES?.split(',');
/** CPU_PROFILE=false: CPU ms per request only, without the profiler's own overhead. */
const sampling = process.env.CPU_PROFILE !== 'false';

async function main(): Promise<void> {
  const loadCase = LOAD_CASES[caseIndex];
  if (!loadCase) throw new Error(`LOAD_CASE must be 0–${LOAD_CASES.length - 1}`);
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-profile-'));
  chmodSync(root, 0o755); // run as root, PostgreSQL runs as its own user
  const dataDir = path.join(root, 'postgres');
  const profiles = process.env.PROFILE_DIR ?? path.join(root, 'profiles');
  mkdirSync(profiles, { recursive: true });
  const profiling = !sampling ? {} : { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'cpu-profiler-preload.js')}`.trim(), CPU_PROFILE_DIR: profiles };
  console.log(`Profile: ${loadCase.name} through gateway "${which}", ${connections} connections, ${warmupSeconds} s warm-up + ${seconds} s`);
  const stack = await startStack({ dataDir, trainees, quiet: true, env: { ...profiling, ...(which === 'off' ? SPEED_WORK_OFF : {}) } });
  let extra: ServiceProcess | undefined;
  let result: Awaited<ReturnType<typeof runCase>> | undefined;
  let statements = '';
  let fetches = '';
  const pids: Record<string, number> = Object.fromEntries(departments.map((d) => [d.name, stack.services.get(d.name)!.child.pid!]));
  try {
    const tokens: Tokens = { admin: await signToken('admin'), hr: await signToken('hr'), womensFederation: await signToken('womens-federation') };
    let url = stack.gatewayUrl;
    pids.gateway = stack.services.get('gateway')!.child.pid!;
    if (which === 'plain') {
      const env: NodeJS.ProcessEnv = { ...profiling, GATEWAY_SIGNING_KEY: stack.gatewayKeys.signingKey };
      for (const department of departments) env[subgraphUrlVariable(department.name)] = stack.subgraphUrls[department.name];
      const plain = await startGatewayProcess('plain-apollo-gateway', path.join(__dirname, 'plain-gateway.js'), env, 'http://127.0.0.1:PORT/graphql?query=%7B__typename%7D');
      extra = plain.service;
      url = plain.url;
      pids.gateway = plain.service.child.pid!;
    }
    const profiled = Object.values(pids);
    const counted: Record<string, number>[] = [];
    const gatewayCounted: Record<string, number>[] = [];
    result = await runCase({
      url, loadCase, tokens, connections, seconds, warmupSeconds, requests, warmupRequests, pids, postgresDataDir: dataDir,
      onMeasured: async () => {
        if (sampling) profiled.forEach((pid) => process.kill(pid, 'SIGUSR2'));
        counted.push(await statementCounts(stack.subgraphUrls));
        if (which !== 'plain') gatewayCounted.push(await gatewayFetchCounts(stack.gatewayUrl));
      },
    });
    const [before, after] = counted;
    const answered = result.ok + result.refused;
    statements = Object.keys(after).map((name) => `${name} ${((after[name] - before[name]) / answered).toFixed(1)}`).join(', ');
    if (gatewayCounted.length === 2) {
      const [from, to] = gatewayCounted;
      const per = (name: string) => ((to[name] - from[name]) / answered).toFixed(2);
      fetches = `department fetches asked ${per('asked')}, entity fetches sent ${per('entitySent')} (of them merged ${per('mergedSent')}, carrying ${per('merged')} asked)`;
    }
    const deadline = Date.now() + 120_000;
    while (sampling && profiled.some((pid) => !existsSync(path.join(profiles, `${pid}.cpuprofile`))) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await extra?.stop();
    await stack.stop();
  }
  const total = Object.values(result.cpuMsPerRequest).reduce((a, b) => a + b, 0);
  console.log(`\n${result.requestsPerSecond.toFixed(0)} requests/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ${result.ok} valid / ${result.refused} refused, ${result.validFailed + result.transportErrors} failed`);
  for (const failure of result.failures) console.log(`  failed, e.g. ${failure}`);
  console.log(`SQL statements per request: ${statements}`);
  if (fetches) console.log(`Per request, the gateway's ${fetches}`);
  console.log(`CPU ms per request: ${Object.entries(result.cpuMsPerRequest).map(([name, ms]) => `${name} ${ms.toFixed(2)}`).join(', ')}; all ${total.toFixed(2)}`);
  const answered = result.ok + result.refused;
  for (const [name, pid] of Object.entries(sampling ? pids : {})) {
    if (only && !only.includes(name)) continue;
    const file = path.join(profiles, `${pid}.cpuprofile`);
    if (!existsSync(file)) {
      console.log(`\n${name}: no profile written`);
      continue;
    }
    const summary = summariseProfile(file, result.measuredUs.from, result.measuredUs.to, top);
    const perRequest = (ms: number) => `${((ms / answered) * 1000).toFixed(0).padStart(6)} µs/req`;
    console.log(`\n== ${name}: ${(summary.busyMs / answered).toFixed(2)} ms sampled per request; self time`);
    for (const { frame, ms } of summary.self) console.log(`${perRequest(ms)}  ${frame}`);
    console.log(`-- ${name}: inclusive time`);
    for (const { frame, ms } of summary.inclusive) console.log(`${perRequest(ms)}  ${frame}`);
  }
  if (!process.env.PROFILE_DIR) rmSync(root, { recursive: true, force: true });
  else rmSync(dataDir, { recursive: true, force: true });
}

/** Each department's db_statements_total from its /metrics. */
async function statementCounts(subgraphUrls: Record<string, string>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, url] of Object.entries(subgraphUrls)) {
    counts[name] = await metricSum(url.replace('/graphql', '/metrics'), 'db_statements_total');
  }
  return counts;
}

/** The gateway's fetch counters from its /metrics, each summed over departments. */
async function gatewayFetchCounts(gatewayUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(gatewayUrl.replace('/graphql', '/metrics'))).text();
  const sum = (name: string, labels?: Record<string, string>) => seriesSum(text, name, labels);
  return {
    asked: sum('subgraph_fetches_total'),
    entitySent: sum('subgraph_entity_fetches_sent_total'),
    mergedSent: sum('subgraph_entity_fetches_sent_total', { merged: 'true' }),
    merged: sum('subgraph_entity_fetches_merged_total'),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
