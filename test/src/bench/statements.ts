import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoTrainees, startStack, type Stack } from '@rg/infra';
import { postGraphQL, metricSum } from '@rg/dev-postgres';
import { signToken, DEPARTMENTS } from '@rg/access';
import { BENCH_CASES, COMPARISON_REGION_YEARS, type BenchCase } from './million-cases';
import { EXPLAIN_SETTINGS, ServerLog, explainSlowStatements } from './slowest-plan';
import { LOG_LINE_PREFIX, printBreakdown } from './breakdown';
import { warmUpProcesses } from './process-warmup';
import { wholeNumber } from '@rg/settings';

/**
 * `npm run bench`: the seeding time, then each read of BENCH_CASES through the gateway: once
 * right after start-up (the "after start" column), then timed with no cache (AGGREGATE_CACHE_MS=0
 * in the departments, GATEWAY_RESPONSE_CACHE_MS=0 in the gateway: what the first viewer of a
 * figure waits from a running stack) and then with caches warm (a caller's personal pages
 * kept for that caller too, each reuse audited again by its departments), with the SQL
 * statements each department sent for it (audit included), and EXPLAIN (ANALYZE) of the
 * slowest statement. Printed, never asserted.
 * BENCH_TRAINEES sets the province's size (default 20,000; up to 1,000,000).
 * BENCH_CASES=province,README 1 times only the reads whose names contain one of those words.
 * BENCH_DATA_DIR=/some/dir keeps the seeded server there and reuses it on the next run (seeding
 * is skipped when every department has its records; migrations still run).
 * BENCH_BREAKDOWN=1 prints, after the cold pass, where one more cold request of each read spent
 * its time (breakdown.ts).
 * BENCH_WARMUP_REQUESTS (300) reads of other trainees come before each timed pass, after the
 * "after start" requests: the timed passes measure compiled code (process-warmup.ts).
 */
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)];
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface Timing { p50: number; p95: number; statements: number[]; failed?: string }
/** A read's timing in the cold pass, and its one request in the pass right after start-up (`afterStart`). */
interface ColdTiming extends Timing { afterStart: number }

async function timeCase(stack: Stack, token: string, bench: BenchCase, runs = bench.runs): Promise<Timing> {
  const statements = () => Promise.all(DEPARTMENTS.map((d) =>
    metricSum(stack.subgraphUrls[d].replace('/graphql', '/metrics'), 'db_statements_total')));
  const times: number[] = [];
  let cost: number[] = [];
  for (let run = 0; run < runs; run++) {
    const before = await statements();
    const t0 = performance.now();
    const { errors } = await postGraphQL(stack.gatewayUrl, bench.query, bench.variables, token);
    times.push(performance.now() - t0);
    // A read that fails (a department's deadline on a busy machine) is reported, and the run goes on.
    if (errors) return { p50: NaN, p95: NaN, statements: [], failed: `${errors[0].extensions?.code ?? ''} ${errors[0].message}` };
    cost = (await statements()).map((after, i) => after - before[i]);
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), statements: cost };
}

function printTable(title: string, rows: Array<[BenchCase, Timing | ColdTiming]>): void {
  console.log(`\n${title}`);
  const afterStart = rows.some(([, t]) => 'afterStart' in t);
  console.log(`${'read'.padEnd(40)} | runs | p50 ms | p95 ms | ${afterStart ? 'after start ms | ' : ''}statements (${DEPARTMENTS.join(', ')})`);
  for (const [bench, t] of rows) {
    if (t.failed) {
      console.log(`${bench.name.padEnd(40)} | failed: ${t.failed}`);
      continue;
    }
    console.log(`${bench.name.padEnd(40)} | ${String(bench.runs).padStart(4)} | ${t.p50.toFixed(0).padStart(6)} | ` +
      `${t.p95.toFixed(0).padStart(6)} | ${'afterStart' in t ? `${t.afterStart.toFixed(0).padStart(14)} | ` : ''}${t.statements.join(', ')}`);
  }
}

async function main(): Promise<void> {
  const trainees = demoTrainees(process.env, 'BENCH_TRAINEES', 20_000);
  const keptDir = process.env.BENCH_DATA_DIR;
  const warmupRequests = wholeNumber(process.env, 'BENCH_WARMUP_REQUESTS', 300, 0);
  if (keptDir) mkdirSync(keptDir, { recursive: true });
  const root = keptDir ?? mkdtempSync(path.join(tmpdir(), 'returnee-bench-'));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'postgres');
  const names = process.env.BENCH_CASES?.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const cases = names ? BENCH_CASES.filter((bench) => names.some((name) => bench.name.toLowerCase().includes(name))) : BENCH_CASES;
  console.log(`Seeding a province of ${trainees.toLocaleString()} trainees…`);
  // Seeding five databases at once on a busy machine can keep a new connection waiting longer than the default 5 s.
  process.env.DATABASE_CONNECT_TIMEOUT_MS ??= '60000';
  const serverLog = new ServerLog();
  const stack = await startStack({
    dataDir, trainees, quiet: true, env: { AGGREGATE_CACHE_MS: '0', GATEWAY_RESPONSE_CACHE_MS: '0', SCORECARDS_MAX_REGION_YEARS: String(COMPARISON_REGION_YEARS) },
    postgresSettings: [...EXPLAIN_SETTINGS, LOG_LINE_PREFIX], postgresLog: serverLog.collect,
  });
  const { generateMs, seedMs, servicesMs, seedMsByDepartment } = stack.timings;
  console.log(`generated in ${seconds(generateMs)} (migrations and the first COPYs alongside), then seeded (five departments at once) in ${seconds(seedMs)} more: ` +
    `${seconds(generateMs + seedMs)} to a seeded province; services ready ${seconds(servicesMs)} later`);
  // Each department's migration, COPY, index builds, foreign-key checks, tallies and ANALYZE, side by side.
  console.log(`seeded beyond the generation, by department: ${Object.entries(seedMsByDepartment).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
  const token = await signToken('admin');
  try {
    // One request of each read first, in processes that have served nothing yet: what a just-started
    // stack's first viewer waits (V8 has compiled nothing, PostgreSQL's buffers hold the seeding's
    // last pages). Printed in its own column; the cold pass's runs come after it, caches still off.
    const afterStart = new Map<BenchCase, number>();
    for (const bench of cases) afterStart.set(bench, (await timeCase(stack, token, bench, 1)).p50);
    const warmup = async () => {
      if (warmupRequests <= 0) return;
      const ms = await warmUpProcesses(stack, token, trainees, warmupRequests);
      console.log(`(processes warmed by ${warmupRequests} reads of other trainees in ${seconds(ms)}: BENCH_WARMUP_REQUESTS)`);
    };
    await warmup();
    const cold: Array<[BenchCase, ColdTiming]> = [];
    for (const bench of cases) cold.push([bench, { ...(await timeCase(stack, token, bench)), afterStart: afterStart.get(bench)! }]);
    printTable('No cache (AGGREGATE_CACHE_MS=0, GATEWAY_RESPONSE_CACHE_MS=0), one client, sequential requests, after one request of each', cold);
    if (process.env.BENCH_BREAKDOWN) await printBreakdown(stack, token, cases, serverLog, dataDir);

    const slowest = await explainSlowStatements(stack.databaseUrls.hr, serverLog, 5, async () => {
      for (const bench of cases) await timeCase(stack, token, bench, 1);
    });
    console.log(slowest
      ? `\nSlowest statement of one more pass over these reads (${slowest.ms.toFixed(1)} ms), EXPLAIN (ANALYZE, BUFFERS):\n${slowest.plan}`
      : '\nNo statement took 5 ms or more in one more pass over these reads.');

    for (const department of DEPARTMENTS) {
      await stack.services.get(department)!.stop();
      await stack.restart(department, { AGGREGATE_CACHE_MS: '30000' });
    }
    // The gateway's kept answers: aggregates per role and scopes, and answers that show a person
    // for their own caller, each sent again only after its departments audited it again.
    await stack.services.get('gateway')!.stop();
    await stack.restart('gateway', { GATEWAY_RESPONSE_CACHE_MS: '30000', GATEWAY_PERSONAL_ANSWER_MS: '30000' });
    // As in the cold pass, the restarted processes first serve other reads and one request of
    // each read, so the warm figures are not those of code V8 has not compiled yet.
    await warmup();
    for (const bench of cases) await timeCase(stack, token, bench, 1);
    const warm: Array<[BenchCase, Timing]> = [];
    for (const bench of cases) {
      await timeCase(stack, token, bench, 1);
      warm.push([bench, await timeCase(stack, token, bench)]);
    }
    printTable('Caches warm (AGGREGATE_CACHE_MS=30000, GATEWAY_RESPONSE_CACHE_MS=30000, GATEWAY_PERSONAL_ANSWER_MS=30000, after one request of each)', warm);
  } finally {
    await stack.stop();
    if (!keptDir) rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
