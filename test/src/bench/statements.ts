import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '@rg/infra';
import { postGraphQL, readCounter } from '@rg/dev-postgres';
import { signToken, DEPARTMENTS } from '@rg/access';
import { allCounties } from '@rg/regions';

/**
 * `npm run bench`: SQL statements and latency per page size through the gateway, and the
 * cost of the province scorecard (the personKey join) and of comparing every county over the
 * plan's five years in one `scorecards` request — printed, never asserted.
 * BENCH_TRAINEES sets the province's size (default 20,000; up to 1,000,000).
 */
const PAGE = `query($n: Int) { trainees(first: $n) { edges { node { id
  ventures { id park { id name } stories { id } loans { amountYuan } } povertyHousehold { id cause }
  womenSupport { id } stories { id } enrolments { course { institution { name } } } } } } }`;
const SCORECARD = `query($y: Int!) { scorecard(regionCode: "320000", year: $y) {
  trained { value } passRate { value } openingRate6m { value } poorTraineeShare { value }
  poorWomenTrainees { value } poorWomenSupportedShare { value } newParks { value } } }`;

const COMPARE = `query($r: [ID!]!, $y: [Int!]!) { scorecards(regionCodes: $r, years: $y) { regionCode year
  trained { value } passRate { value } openingRate6m { value } jobsPerVenture { value } survivalRate1y { value }
  loansIssuedYuan { value } newParks { value } poorTraineeShare { value } poorWomenTrainees { value }
  poorWomenSupportedShare { value } storiesPublished { value } womenSupportCasesOpened { value } } }`;
const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const trainees = Number(process.env.BENCH_TRAINEES ?? 20_000);
  const root = mkdtempSync(path.join(tmpdir(), 'returnee-bench-'));
  chmodSync(root, 0o755);
  console.log(`Seeding a province of ${trainees.toLocaleString()} trainees…`);
  const began = Date.now();
  // 104 counties × 5 years is 520 region-years, over the default limit of 200 a request: the
  // bench raises it to time the whole province's comparison as one request.
  const counties = allCounties().map((c) => c.code);
  const env = { SCORECARDS_MAX_REGION_YEARS: String(counties.length * PLAN_YEARS.length) };
  const stack = await startStack({ dataDir: path.join(root, 'postgres'), trainees, quiet: true, env });
  console.log(`Stack ready in ${((Date.now() - began) / 1000).toFixed(1)} s\n`);
  const token = await signToken('admin');
  const statements = () => Promise.all(DEPARTMENTS.map((d) => readCounter(stack.subgraphUrls[d].replace('/graphql', '/metrics'), 'db_statements_total')));
  try {
    console.log('page size | SQL statements per department (hr, agri, poverty, youth, women) | median ms (5 runs)');
    for (const n of [20, 100, 200, 500]) {
      const times: number[] = [];
      let cost: number[] = [];
      for (let run = 0; run < 5; run++) {
        const before = await statements();
        const t0 = performance.now();
        const { errors } = await postGraphQL(stack.gatewayUrl, PAGE, { n }, token);
        times.push(performance.now() - t0);
        if (errors) throw new Error(JSON.stringify(errors[0]));
        cost = (await statements()).map((after, i) => after - before[i]);
      }
      console.log(`${String(n).padStart(9)} | ${cost.join(', ').padEnd(62)} | ${median(times).toFixed(0)}`);
    }
    console.log('\nprovince scorecard (all departments; poorTraineeShare joins the cohort with the registry)');
    for (const year of [2017, 2019]) {
      const times: number[] = [];
      let answer: any;
      for (let run = 0; run < 3; run++) {
        const t0 = performance.now();
        const { data, errors } = await postGraphQL(stack.gatewayUrl, SCORECARD, { y: year }, token);
        times.push(performance.now() - t0);
        if (errors) throw new Error(JSON.stringify(errors[0]));
        answer = data.scorecard;
      }
      console.log(`  ${year}: trained ${answer.trained.value}, poorTraineeShare ${answer.poorTraineeShare.value.toFixed(4)}, ` +
        `median ${median(times).toFixed(0)} ms (key set ≈ ${((answer.trained.value * 8 * 4) / 3 / 1024).toFixed(0)} KiB)`);
    }
    console.log(`\nscorecards: all ${counties.length} counties × ${PLAN_YEARS.length} years (${counties.length * PLAN_YEARS.length} region-years, every indicator) in one request`);
    for (const run of ['first', 'repeated (aggregate cache keeps 256 region-years a department)']) {
      const before = await statements();
      const t0 = performance.now();
      const { data, errors } = await postGraphQL(stack.gatewayUrl, COMPARE, { r: counties, y: PLAN_YEARS }, token);
      const ms = performance.now() - t0;
      if (errors) throw new Error(JSON.stringify(errors[0]));
      const cost = (await statements()).map((after, i) => after - before[i]);
      console.log(`  ${run}: ${ms.toFixed(0)} ms, ${data.scorecards.length} scorecards, SQL statements (hr, agri, poverty, youth, women) ${cost.join(', ')}`);
    }
  } finally {
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
