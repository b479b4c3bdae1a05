import type { LoadCase } from './load-cases';
import type { CaseResult } from './load-run';

export interface GatewayRun {
  name: string;
  description: string;
  results: CaseResult[];
}

const pct = (share: number | undefined) => `${((share ?? 0) * 100).toFixed(0)} %`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** The tables the README's "Load" section holds, and the targets of the issue checked against them. */
export function printResults(runs: GatewayRun[], cases: LoadCase[], cleanCase: number, machine: string): void {
  const processes = Object.keys(runs[0].results[0].cpuShare);
  console.log(`\nMachine: ${machine}`);
  for (const run of runs) console.log(`- ${run.name}: ${run.description}`);

  console.log(`\n| gateway | case | requests/s | p50 ms | p99 ms | valid / refused | CPU share: ${processes.join(', ')} | gateway CPU ms/request |`);
  console.log('|---|---|---|---|---|---|---|---|');
  for (const run of runs) {
    run.results.forEach((result, i) => {
      console.log(`| ${run.name} | ${cases[i].name} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50.toFixed(1)} | ${result.p99.toFixed(1)} | ` +
        `${result.ok} / ${result.refused} | ${processes.map((p) => pct(result.cpuShare[p])).join(', ')} | ${result.gatewayCpuMsPerRequest.toFixed(2)} |`);
    });
  }

  const [ours, ...baselines] = runs;
  console.log(`\n| case | ${baselines.map((b) => `requests/s, ours ÷ ${b.name}`).join(' | ')} | p99, ours ÷ ${baselines[0].name} |`);
  console.log(`|---|${baselines.map(() => '---|').join('')}---|`);
  cases.forEach((loadCase, i) => {
    console.log(`| ${loadCase.name} | ${baselines.map((b) => ratio(ours.results[i].requestsPerSecond, b.results[i].requestsPerSecond)).join(' | ')} | ` +
      `${ratio(ours.results[i].p99, baselines[0].results[i].p99)} |`);
  });

  const badCase = cases.findIndex((c) => c.name.startsWith('bad input'));
  console.log('\nBad input under load (p99 of the valid requests ÷ p99 of the clean run of the same query):');
  for (const run of runs) {
    const change = run.results[badCase].p99 / run.results[cleanCase].p99;
    console.log(`  ${run.name}: ${run.results[badCase].p99.toFixed(1)} ms vs ${run.results[cleanCase].p99.toFixed(1)} ms = ${change.toFixed(2)} ` +
      `(${change <= 1.2 ? 'within' : 'NOT within'} 20 %), ${run.results[badCase].refused} refused`);
  }

  console.log('\nTargets (ours against "speed work off", the same run):');
  const check = (label: string, met: boolean, figures: string) => console.log(`  ${met ? 'met    ' : 'NOT met'} ${label}: ${figures}`);
  const today = baselines[0];
  for (const i of [0, 1]) {
    const r = ours.results[i].requestsPerSecond / today.results[i].requestsPerSecond;
    check(`${cases[i].name} ≥ 5×`, r >= 5, `${r.toFixed(2)}×`);
  }
  const share = ours.results[cleanCase].cpuShare.gateway ?? 0;
  const r = ours.results[cleanCase].requestsPerSecond / today.results[cleanCase].requestsPerSecond;
  check('nothing to share ≥ 1.3×', r >= 1.3, `${r.toFixed(2)}×`);
  // One decimal: rounded to whole percents, 20.4 % would print "NOT met … 20 %".
  check('nothing to share: gateway CPU share ≤ 20 %', share <= 0.2, `${(share * 100).toFixed(1)} %`);
  cases.forEach((loadCase, i) => {
    if (loadCase.read) check(`p99 < 100 ms, ${loadCase.name}`, ours.results[i].p99 < 100, `${ours.results[i].p99.toFixed(1)} ms`);
  });
  const errors = runs.flatMap((run) => run.results.map((result, i) => ({ run: run.name, loadCase: cases[i].name, result })))
    .filter(({ result }) => result.transportErrors || result.validFailed);
  for (const { run, loadCase, result } of errors) {
    console.log(`  ERRORS ${run} · ${loadCase}: ${result.transportErrors} transport errors/timeouts, ${result.validFailed} valid requests not answered 200 or answered with GraphQL errors`);
    for (const failure of result.failures) console.log(`    e.g. ${failure}`);
  }
}
