import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { departments, departmentDatabaseUrl, demoTrainees, seedProvince } from '@rg/infra';
import { freePort, startEmbeddedPostgres, unixSocketsFromEnv } from '@rg/dev-postgres';
import { postgresCpuTicks } from './cpu-time';
import { tableDigests } from './table-digests';
import { portNumber } from '@rg/settings';

/**
 * `npm run bench:seed`: seeds a province of BENCH_TRAINEES trainees (default 1,000,000) into a
 * fresh embedded server and prints the time to a seeded province by phase, the CPU the seeding
 * process and PostgreSQL used (on a shared machine the wall time depends on the load; the
 * CPU seconds much less), and each timed step of the load (COPY per table, each index build,
 * foreign key, tally and ANALYZE). BENCH_DIGESTS=1 also prints a digest of every table's rows
 * and of the schema's indexes, constraints and triggers, to compare two versions of the seeding
 * at a small size. Printed, never asserted.
 */
const TICKS_PER_SECOND = 100;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

function nodeCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function main(): Promise<void> {
  const trainees = demoTrainees(process.env, 'BENCH_TRAINEES', 1_000_000);
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-seed-bench-'));
  chmodSync(root, 0o755);
  const dataDir = path.join(root, 'postgres');
  // Generating the province holds the event loop (half a minute idle, two and more on a loaded
  // machine); a connection asked for before it is timed out when the loop comes back, however
  // fast the server answered.
  process.env.DATABASE_CONNECT_TIMEOUT_MS ??= '600000';
  // track_functions: the time each trigger function (a tally kept by the load) took.
  // Over a Unix socket, as `npm start` seeds (UNIX_SOCKETS, on by default): the rows skip
  // loopback TCP, whose cost both this process and PostgreSQL pay. UNIX_SOCKETS=off seeds over TCP.
  const server = await startEmbeddedPostgres({
    dataDir, port: portNumber(process.env, 'POSTGRES_PORT', await freePort(), 1), settings: ['track_functions=pl'],
    socketDir: unixSocketsFromEnv() ? path.join(root, 'sockets') : undefined,
  });
  try {
    const baseUrl = server.socketBaseUrl ?? server.baseUrl;
    const databaseUrls = Object.fromEntries(departments.map((d) => [d.name, departmentDatabaseUrl(d, baseUrl)]));
    console.log(`Seeding a province of ${trainees.toLocaleString()} trainees over ${server.socketBaseUrl ? 'a Unix socket' : 'TCP'}; load average before: ${load()}`);
    const cpuBefore = { node: nodeCpuMs(), postgres: postgresCpuTicks(dataDir) };
    const began = performance.now();
    const timings = await seedProvince({ trainees, departments, databaseUrls });
    const wallMs = performance.now() - began;
    const nodeMs = nodeCpuMs() - cpuBefore.node;
    const postgresMs = ((postgresCpuTicks(dataDir) - cpuBefore.postgres) / TICKS_PER_SECOND) * 1000;
    console.log(`load average after: ${load()}`);
    console.log(`${seconds(wallMs)} to a seeded province: generated in ${seconds(timings.generateMs)} (the migrations, hr's ` +
      `trainees and the registry loading alongside), then ${seconds(timings.seedMs)} more to every department seeded`);
    console.log(`seeded by department, beyond the generation: ${Object.entries(timings.seedMsByDepartment).map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')}`);
    console.log(`CPU used: this process ${seconds(nodeMs)}, PostgreSQL ${seconds(postgresMs)} (${((nodeMs + postgresMs) / wallMs).toFixed(2)} cores on average)`);
    const steps = performance.getEntriesByType('measure').filter((entry) => entry.name.startsWith('seed '));
    if (steps.length) {
      console.log('\nsteps (start after the first step, duration):');
      const origin = Math.min(...steps.map((step) => step.startTime));
      for (const step of steps.sort((a, b) => a.startTime - b.startTime)) {
        console.log(`${seconds(step.startTime - origin).padStart(8)} ${seconds(step.duration).padStart(8)}  ${step.name.slice(5)}`);
      }
    }
    console.log('\ntrigger functions (calls, total time):');
    for (const [name, url] of Object.entries(databaseUrls)) {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ funcname: string; calls: string; total_time: number }>(
          'SELECT funcname, calls, total_time FROM pg_stat_user_functions ORDER BY total_time DESC');
        for (const row of rows) console.log(`${name}.${row.funcname} ${row.calls} ${seconds(row.total_time)}`);
      } finally {
        await client.end();
      }
    }
    if (process.env.BENCH_DIGESTS) {
      console.log('\ndigests (md5 of each table\'s rows in order; schema: its indexes, constraints and triggers):');
      for (const [name, url] of Object.entries(databaseUrls)) {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          for (const [table, digest] of await tableDigests(client)) console.log(`${name}.${table} ${digest}`);
        } finally {
          await client.end();
        }
      }
    }
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
