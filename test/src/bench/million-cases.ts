import { allCounties } from '@rg/regions';
import { recordedOperationText } from '@rg/infra';

/** One read the benchmark times: a document, its variables, and how many times it is asked in a row. */
export interface BenchCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  runs: number;
}

/** A page of trainees with every cross-department relation (`after`: where the page starts). */
export const PAGE = `query($n: Int, $after: String) { trainees(first: $n, after: $after) { totalCount edges { node { id
  ventures { id park { id name } stories { id } loans { amountYuan } } povertyHousehold { id cause }
  womenSupport { id } stories { id } enrolments { course { institution { name } } } } } } }`;

const FILTERED_PAGE = `{ trainees(filter: { regionCode: "320321", category: MIGRANT_WORKER, trainedYear: 2018 }, first: 20) {
  totalCount edges { node { id gender ventures { name } } } } }`;

// The README's three cross-department queries, from the recorded operations a test keeps word for word the README's.
const README_Q1 = recordedOperationText('readme-xuzhou-scorecard.graphql');
const README_Q2 = recordedOperationText('readme-registered-poor-trainees.graphql');

const REGION_FIGURES = `name traineeCount ventureCount jobsCreated loansIssuedYuan
  parkCount poorHouseholdCount storyCount womenSupportCaseCount
  disclosure { traineeCount { suppressed note } poorHouseholdCount { suppressed note } }`;

const README_Q3 = recordedOperationText('readme-suzhou-region-figures.graphql');

const PROVINCE_SCORECARD = `{ scorecard(regionCode: "320000", year: 2019) {
  trained { value } passRate { value } openingRate6m { value } jobsPerVenture { value } survivalRate1y { value }
  loansIssuedYuan { value } newParks { value } poorTraineeShare { value } poorWomenTrainees { value }
  poorWomenSupportedShare { value } } }`;

/** Every county's figures from all five departments in one request: the province's region tree, two levels down. */
const ALL_COUNTIES = `{ region(code: "320000") { children { children { code ${REGION_FIGURES} } } } }`;

/** Every county over the plan's five years in one `scorecards` request (above its default limit of 200 region-years). */
const PLAN_YEARS = [2016, 2017, 2018, 2019, 2020];
export const COMPARISON_REGION_YEARS = allCounties().length * PLAN_YEARS.length;
const COMPARISON = `query($r: [ID!]!, $y: [Int!]!) { scorecards(regionCodes: $r, years: $y) { regionCode year
  trained { value } passRate { value } openingRate6m { value } jobsPerVenture { value } survivalRate1y { value }
  loansIssuedYuan { value } newParks { value } poorTraineeShare { value } poorWomenTrainees { value }
  poorWomenSupportedShare { value } storiesPublished { value } womenSupportCasesOpened { value } } }`;

export const BENCH_CASES: BenchCase[] = [
  { name: 'page of 20, every relation', query: PAGE, variables: { n: 20 }, runs: 20 },
  { name: 'page of 500, every relation', query: PAGE, variables: { n: 500 }, runs: 5 },
  { name: 'county × category × year, page of 20', query: FILTERED_PAGE, runs: 10 },
  { name: 'README 1: Xuzhou 2019 scorecard', query: README_Q1, runs: 5 },
  { name: 'README 2: registered-poor of Suqian', query: README_Q2, runs: 10 },
  { name: 'README 3: Suzhou, five departments', query: README_Q3, runs: 5 },
  { name: 'province scorecard 2019', query: PROVINCE_SCORECARD, runs: 3 },
  { name: "104 counties' figures", query: ALL_COUNTIES, runs: 3 },
  { name: 'scorecards: 104 counties × 5 years', query: COMPARISON, variables: { r: allCounties().map((c) => c.code), y: PLAN_YEARS }, runs: 1 },
];
