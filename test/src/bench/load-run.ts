import autocannon from 'autocannon';
import type { LoadCase, Tokens } from './load-cases';
import { readCpu } from './cpu-time';
import { demoTrainees } from '@rg/infra';
import { wholeNumber } from '@rg/settings';

/** What `bench:load` and `bench:load:profile` share: LOAD_SECONDS, LOAD_WARMUP_SECONDS, LOAD_CONNECTIONS, LOAD_TRAINEES. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): { seconds: number; warmupSeconds: number; connections: number; trainees: number } {
  return {
    seconds: wholeNumber(env, 'LOAD_SECONDS', 15, 1),
    warmupSeconds: wholeNumber(env, 'LOAD_WARMUP_SECONDS', 5, 0),
    connections: wholeNumber(env, 'LOAD_CONNECTIONS', 10, 1),
    trainees: demoTrainees(env, 'LOAD_TRAINEES', 3000),
  };
}

export interface CaseResult {
  requestsPerSecond: number;
  /** Latency of the valid requests answered without errors, ms. */
  p50: number;
  p99: number;
  ok: number;
  /** Answers to the bad input mixed in; valid requests whose answer was not 200 or carried GraphQL errors. */
  refused: number;
  validFailed: number;
  transportErrors: number;
  /** The first few answers of valid requests that failed (status and the start of the body). */
  failures: string[];
  /** Each process's share of the CPU used during the measured period, 0–1. */
  cpuShare: Record<string, number>;
  /** The gateway's CPU milliseconds per request. */
  gatewayCpuMsPerRequest: number;
  /** Each process's CPU milliseconds per request answered. */
  cpuMsPerRequest: Record<string, number>;
  /** The measured period on the monotonic clock (process.hrtime), µs: what CPU profiles are cut to. */
  measuredUs: { from: number; to: number };
  /** What the figures above are computed from, so that runs of one case can be pooled. */
  measured: Measured;
}

/** One measured run as counted, before any figure is derived from it. */
export interface Measured {
  /** Latencies of the valid requests answered without errors, ms, sorted. */
  latencies: number[];
  refused: number;
  validFailed: number;
  transportErrors: number;
  failures: string[];
  /** CPU ticks each process used. */
  ticks: Record<string, number>;
  seconds: number;
  from: number;
  to: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

interface Answer {
  valid: boolean;
  /** Not 200, or GraphQL errors in the body. */
  errors: boolean;
  /** The start of such an answer. */
  body?: string;
  ms: number;
}

interface RunOptions {
  url: string;
  loadCase: LoadCase;
  tokens: Tokens;
  connections: number;
  seconds: number;
  /** Instead of `seconds`: this many requests (the profiling bench's fixed amount of work). */
  requests?: number;
}

/** One autocannon run; every request numbered, so a case can make each one different. */
async function drive({ url, loadCase, tokens, connections, seconds, requests }: RunOptions, onAnswer?: (answer: Answer) => void) {
  let n = 0;
  let answer: Omit<Answer, 'ms'> = { valid: true, errors: false };
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: unknown) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finished = resolve;
    failed = reject;
  });
  const instance = autocannon({
    url,
    connections,
    ...(requests ? { amount: requests } : { duration: seconds }),
    requests: [{
      // One request at a time per connection, so the connection's context says what was asked.
      setupRequest: (request, context: { valid?: boolean }) => {
        const { body, headers, valid = true } = loadCase.request(n++, tokens);
        context.valid = valid;
        return { ...request, method: 'POST', body, headers };
      },
      // Runs just before the 'response' event of the same answer.
      onResponse: (status, body, context: { valid?: boolean }) => {
        const errors = status !== 200 || body.includes('"errors"');
        answer = { valid: context.valid !== false, errors, ...(errors ? { body: `${status} ${body.slice(0, 300)}` } : {}) };
      },
    }],
  }, (error, result) => (error ? failed(error) : finished(result)));
  instance.on('response', (_client, _status, _bytes, ms) => onAnswer?.({ ...answer, ms }));
  return done;
}

/**
 * A warm-up (not measured), then the measured run: requests/s, p50/p99 of the valid answers,
 * and the CPU each process used (from /proc) as a share of all of it.
 */
export async function runCase(options: RunOptions & {
  warmupSeconds: number; warmupRequests?: number; pids: Record<string, number>; postgresDataDir: string;
  /** Told when the measured period begins and ends (after the warm-up); the period waits for it. */
  onMeasured?: (phase: 'begins' | 'ends') => void | Promise<void>;
}): Promise<CaseResult> {
  await drive({ ...options, seconds: options.warmupSeconds, requests: options.warmupRequests });
  const latencies: number[] = [];
  let refused = 0;
  let errorsSeen = 0;
  const failures: string[] = [];
  await options.onMeasured?.('begins');
  const before = readCpu(options.pids, options.postgresDataDir);
  const from = Number(process.hrtime.bigint() / 1000n);
  const result = await drive(options, ({ valid, errors, ms, body }) => {
    if (!valid) refused++;
    else if (!errors) latencies.push(ms);
    else {
      errorsSeen++;
      if (failures.length < 3) failures.push(body ?? '');
    }
  });
  const to = Number(process.hrtime.bigint() / 1000n);
  const after = readCpu(options.pids, options.postgresDataDir);
  await options.onMeasured?.('ends');
  const ticks: Record<string, number> = {};
  for (const name of Object.keys(after)) ticks[name] = Math.max(0, after[name] - (before[name] ?? 0));
  return summarise([{
    latencies: latencies.sort((a, b) => a - b), refused, validFailed: errorsSeen, transportErrors: result.errors + result.timeouts,
    failures, ticks, seconds: options.requests ? (to - from) / 1e6 : options.seconds, from, to,
  }]);
}

/**
 * The figures of one or more measured runs of the same case, pooled: every latency of every
 * run in one distribution, requests/s over the runs' time together, CPU over all of it.
 */
export function summarise(runs: Measured[]): CaseResult {
  const sum = (count: (run: Measured) => number) => runs.reduce((total, run) => total + count(run), 0);
  const ticks: Record<string, number> = {};
  for (const run of runs) for (const [name, used] of Object.entries(run.ticks)) ticks[name] = (ticks[name] ?? 0) + used;
  const pooled: Measured = {
    latencies: runs.flatMap((run) => run.latencies).sort((a, b) => a - b),
    refused: sum((run) => run.refused),
    validFailed: sum((run) => run.validFailed),
    transportErrors: sum((run) => run.transportErrors),
    failures: runs.flatMap((run) => run.failures).slice(0, 3),
    ticks,
    seconds: sum((run) => run.seconds),
    from: Math.min(...runs.map((run) => run.from)),
    to: Math.max(...runs.map((run) => run.to)),
  };
  const total = Object.values(ticks).reduce((a, b) => a + b, 0) || 1;
  const answered = pooled.latencies.length + pooled.refused;
  const ticksPerSecond = 100; // USER_HZ on Linux
  const msPerRequest = (used: number) => (answered ? (used * 1000) / ticksPerSecond / answered : NaN);
  return {
    requestsPerSecond: answered / pooled.seconds,
    p50: percentile(pooled.latencies, 0.5),
    p99: percentile(pooled.latencies, 0.99),
    ok: pooled.latencies.length,
    refused: pooled.refused,
    validFailed: pooled.validFailed,
    transportErrors: pooled.transportErrors,
    failures: pooled.failures,
    cpuShare: Object.fromEntries(Object.entries(ticks).map(([name, used]) => [name, used / total])),
    gatewayCpuMsPerRequest: msPerRequest(ticks.gateway ?? 0),
    cpuMsPerRequest: Object.fromEntries(Object.entries(ticks).map(([name, used]) => [name, msPerRequest(used)])),
    measuredUs: { from: pooled.from, to: pooled.to },
    measured: pooled,
  };
}
