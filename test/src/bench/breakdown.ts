import type { Stack } from '@rg/infra';
import { metricSum, postGraphQL } from '@rg/dev-postgres';
import { DEPARTMENTS } from '@rg/access';
import { createDataSource } from '@rg/data-helpers';
import { readCpu } from './cpu-time';
import type { BenchCase } from './million-cases';
import type { ServerLog } from './slowest-plan';
import { auditCosts, statementsOf } from './audit-cost';

/**
 * BENCH_BREAKDOWN=1: where one cold request of a read spends its time. For each read, one more
 * request with every statement's duration logged by PostgreSQL (log_min_duration_statement=0,
 * switched on only for that request), and printed: the request's wall time; per department the
 * gateway's fetches and their summed time (its subgraph_fetch_duration_seconds), the requests
 * the department served (fewer when the gateway merged fetches), the CPU each process used
 * (gateway, departments, PostgreSQL); the audit's own cost per department (its appends and
 * PostgreSQL's time for them, audit-cost.ts); each statement of 1 ms or more with its database
 * and duration. Printed, never asserted.
 *
 * The server's log_line_prefix must name the database (`LOG_LINE_PREFIX` below, passed as a
 * server setting by the bench).
 */
export const LOG_LINE_PREFIX = 'log_line_prefix=%m [%p] %d ';

const TICKS_PER_SECOND = 100;

async function metricSums(url: string, name: string): Promise<Map<string, number>> {
  const text = await (await fetch(url)).text();
  const sums = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const department = /department="([^"]+)"/.exec(line)?.[1] ?? '';
    sums.set(department, Number(line.split(' ').pop()));
  }
  return sums;
}

/** The gateway's per-department fetch count and summed seconds. */
async function gatewayFetches(stack: Stack): Promise<{ count: Map<string, number>; seconds: Map<string, number> }> {
  const url = stack.gatewayUrl.replace('/graphql', '/metrics');
  const [count, seconds] = await Promise.all([
    metricSums(url, 'subgraph_fetch_duration_seconds_count'), metricSums(url, 'subgraph_fetch_duration_seconds_sum'),
  ]);
  return { count, seconds };
}

/** The GraphQL requests each department has served, counted by the department itself. */
async function departmentRequests(stack: Stack): Promise<Map<string, number>> {
  const served = new Map<string, number>();
  await Promise.all(DEPARTMENTS.map(async (department) => {
    served.set(department, await metricSum(stack.subgraphUrls[department].replace('/graphql', '/metrics'), 'graphql_request_duration_seconds_count'));
  }));
  return served;
}

export async function printBreakdown(
  stack: Stack, token: string, cases: readonly BenchCase[], log: ServerLog, dataDir: string,
): Promise<void> {
  const admin = createDataSource({ url: stack.databaseUrls.hr, entities: [], migrations: [] });
  await admin.initialize();
  const pids: Record<string, number> = {};
  for (const [name, service] of stack.services) pids[name] = service.child.pid!;
  try {
    await admin.query("ALTER SYSTEM SET log_parameter_max_length = '0'");
    for (const bench of cases) {
      await admin.query("ALTER SYSTEM SET log_min_duration_statement = '0'");
      await admin.query('SELECT pg_reload_conf()');
      const [fetchesBefore, servedBefore] = await Promise.all([gatewayFetches(stack), departmentRequests(stack)]);
      const cpuBefore = readCpu(pids, dataDir);
      log.start();
      const t0 = performance.now();
      const { errors } = await postGraphQL(stack.gatewayUrl, bench.query, bench.variables, token);
      const wall = performance.now() - t0;
      const text = log.stop();
      await admin.query('ALTER SYSTEM RESET log_min_duration_statement');
      await admin.query('SELECT pg_reload_conf()');
      const cpuAfter = readCpu(pids, dataDir);
      const [fetchesAfter, servedAfter] = await Promise.all([gatewayFetches(stack), departmentRequests(stack)]);
      console.log(`\n${bench.name}: ${wall.toFixed(0)} ms${errors ? ` (failed: ${errors[0].message})` : ''}`);
      console.log(`  gateway fetches (count, summed ms): ${DEPARTMENTS.map((d) => {
        const count = (fetchesAfter.count.get(d) ?? 0) - (fetchesBefore.count.get(d) ?? 0);
        const ms = ((fetchesAfter.seconds.get(d) ?? 0) - (fetchesBefore.seconds.get(d) ?? 0)) * 1000;
        return `${d} ${count} ${ms.toFixed(0)}`;
      }).join(', ')}`);
      console.log(`  requests the departments served: ${DEPARTMENTS.map((d) => `${d} ${(servedAfter.get(d) ?? 0) - (servedBefore.get(d) ?? 0)}`).join(', ')}`);
      console.log(`  CPU ms: ${Object.keys(cpuAfter).map((name) =>
        `${name} ${(((cpuAfter[name] - cpuBefore[name]) / TICKS_PER_SECOND) * 1000).toFixed(0)}`).join(', ')}`);
      const statements = statementsOf(text);
      const audit = auditCosts(statements);
      console.log(`  audit (appends, ms in PostgreSQL): ${DEPARTMENTS.map((d) => `${d} ${audit.get(d)!.appends} ${audit.get(d)!.ms.toFixed(2)}`).join(', ')}`);
      for (const s of statements.filter((s) => s.ms >= 1)) {
        // The cards CTE every scorecard statement starts with says nothing about which one it is.
        const text = s.text.replace(/WITH cards AS \(SELECT \* FROM unnest\([^)]*\) AS c\(card, county, year\)\),? ?/, 'WITH cards… ');
        console.log(`  ${s.ms.toFixed(1).padStart(8)} ms ${s.database.padEnd(18)} ${text.slice(0, 160)}`);
      }
    }
  } finally {
    await admin.query('ALTER SYSTEM RESET log_min_duration_statement');
    await admin.query('ALTER SYSTEM RESET log_parameter_max_length');
    await admin.query('SELECT pg_reload_conf()');
    await admin.destroy();
  }
}
