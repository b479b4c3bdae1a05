import { mkdtempSync, rmSync, chmodSync, readFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { demoTrainees, startStack, departments, verifyDepartmentChains, describeChain } from '@rg/infra';
import { signToken } from '@rg/access';
import { postgresMemoryKiB, rssKiB } from './process-memory';
import { soakRequest, type Outcome } from './soak-load';
import { wholeNumber } from '@rg/settings';

/**
 * `npm run bench:soak`: the whole stack under SOAK_CONNECTIONS (10) clients of mixed reads
 * and writes through the gateway for SOAK_MINUTES (10). Prints each process's memory after
 * warm-up and at the end, the 5xx count, latency, and whether every department's audit chain
 * is intact afterwards. A benchmark, not a test: it prints figures and exits 1 only when an
 * answer was a 5xx, an audit chain is broken or a process grew by 10 % or more after warm-up.
 */
const minutes = wholeNumber(process.env, 'SOAK_MINUTES', 10, 1);
const connections = wholeNumber(process.env, 'SOAK_CONNECTIONS', 10, 1);
const trainees = demoTrainees(process.env, 'SOAK_TRAINEES', 3000);
// Warm-up: the first minute (SOAK_WARMUP_SECONDS), or a fifth of a shorter run. Memory is judged
// from its end, once pools have opened their connections and caches hold the working set.
const warmupMs = wholeNumber(process.env, 'SOAK_WARMUP_SECONDS', Math.min(60, minutes * 12), 0) * 1000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const mib = (kib: number) => (kib / 1024).toFixed(1);

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-soak-'));
  chmodSync(root, 0o755); // run as root, PostgreSQL runs as its own user
  const dataDir = path.join(root, 'postgres');
  console.log(`Soak: ${minutes} min, ${connections} connections, ${trainees.toLocaleString()} trainees; ` +
    `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}`);
  const stack = await startStack({ dataDir, trainees, quiet: true });
  const tokens = { admin: await signToken('admin'), hr: await signToken('hr'), womensFederation: await signToken('womens-federation') };
  const names = ['gateway', ...departments.map((d) => d.name)];
  const memory = () => {
    const sample: Record<string, number> = {};
    for (const name of names) sample[name] = rssKiB(stack.services.get(name)!.child.pid!);
    const postgres = postgresMemoryKiB(dataDir);
    sample['postgres private'] = postgres.private;
    sample['postgres shared pool'] = postgres.sharedPool;
    sample['postgres total'] = postgres.total;
    return sample;
  };

  const outcomes: Outcome[] = [];
  let next = 0;
  const began = Date.now();
  const endsAt = began + minutes * 60_000;
  let afterWarmup: Record<string, number> | undefined;
  const peak: Record<string, number> = {};
  const sampler = setInterval(() => {
    const sample = memory();
    for (const [name, kib] of Object.entries(sample)) peak[name] = Math.max(peak[name] ?? 0, kib);
    if (!afterWarmup && Date.now() - began >= warmupMs) {
      afterWarmup = sample;
      outcomes.length = 0; // latency and counts are reported for the measured period only
    }
  }, 5000);
  try {
    await Promise.all(Array.from({ length: connections }, async () => {
      while (Date.now() < endsAt) outcomes.push(await soakRequest(stack.gatewayUrl, next++, tokens));
    }));
    clearInterval(sampler);
    const atEnd = memory();
    const measuredSeconds = (Date.now() - began - warmupMs) / 1000;

    const rows = [...names, 'postgres private', 'postgres shared pool', 'postgres total'];
    const poolCapKiB = sharedBuffersKiB(dataDir);
    console.log(`\nMemory (MiB; Node processes by RSS, PostgreSQL as the PSS of all its processes), warm-up ${warmupMs / 1000} s:`);
    console.log('| process | after warm-up | at end | growth | peak |\n|---|---|---|---|---|');
    const grewTooMuch: string[] = [];
    for (const name of rows) {
      const start = afterWarmup?.[name] ?? 0;
      const growth = start ? ((atEnd[name] - start) / start) * 100 : NaN;
      console.log(`| ${name} | ${mib(start)} | ${mib(atEnd[name])} | ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % | ${mib(peak[name] ?? 0)} |`);
      // The shared pool is a fixed-size cache that fills as new pages are touched; it is
      // judged against its configured size, every other row against 10 % growth.
      if (name !== 'postgres shared pool' && name !== 'postgres total' && !(growth < 10)) grewTooMuch.push(name);
    }
    const poolFull = (100 * (peak['postgres shared pool'] ?? 0)) / poolCapKiB;
    console.log(`\nShared pool: at most ${mib(peak['postgres shared pool'] ?? 0)} MiB touched; shared_buffers is ${mib(poolCapKiB)} MiB ` +
      `(${poolFull.toFixed(0)} %; the segment also holds WAL buffers and lock tables).`);
    console.log(grewTooMuch.length
      ? `Grew by 10 % or more after warm-up: ${grewTooMuch.join(', ')}`
      : 'Every process and PostgreSQL\'s private memory within 10 % of its size after warm-up.');

    const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
    const status5xx = outcomes.filter((o) => o.status >= 500).length;
    const noAnswer = outcomes.filter((o) => o.status === 0).length;
    const writes = outcomes.filter((o) => o.kind === 'write');
    const codes = new Map<string, number>();
    for (const code of outcomes.flatMap((o) => o.errorCodes)) codes.set(code, (codes.get(code) ?? 0) + 1);
    console.log(`\nAfter warm-up: ${outcomes.length} requests in ${measuredSeconds.toFixed(0)} s (${(outcomes.length / measuredSeconds).toFixed(1)}/s), ` +
      `${writes.length} writes (${writes.filter((o) => o.status === 200 && !o.errorCodes.length).length} acknowledged)`);
    console.log(`latency ms: p50 ${percentile(latencies, 0.5).toFixed(0)}, p95 ${percentile(latencies, 0.95).toFixed(0)}, ` +
      `p99 ${percentile(latencies, 0.99).toFixed(0)}, max ${(latencies.at(-1) ?? 0).toFixed(0)}`);
    console.log(`5xx answers: ${status5xx}; no answer: ${noAnswer}; GraphQL errors: ${codes.size ? [...codes].map(([c, n]) => `${c} ×${n}`).join(', ') : 'none'}`);

    const chains = await verifyDepartmentChains(departments.map((department) => ({ department: department.subgraph, url: stack.databaseUrls[department.name] })));
    console.log('\nAudit chains:');
    for (const chain of chains) console.log(`  ${describeChain(chain)}`);
    if (status5xx > 0 || noAnswer > 0 || chains.some((c) => !c.intact) || grewTooMuch.length) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The shared-memory segment PostgreSQL reserves: shared_buffers from its command line (postmaster.opts). */
function sharedBuffersKiB(dataDir: string): number {
  const setting = readFileSync(path.join(dataDir, 'postmaster.opts'), 'utf8').match(/shared_buffers=(\d+)(kB|MB|GB)/);
  if (!setting) return 128 * 1024; // PostgreSQL's default
  return Number(setting[1]) * { kB: 1, MB: 1024, GB: 1024 * 1024 }[setting[2] as 'kB' | 'MB' | 'GB'];
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
