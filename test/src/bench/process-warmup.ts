import type { Stack } from '@rg/infra';
import { postGraphQL } from '@rg/dev-postgres';
import { encodeCursor } from '@rg/data-helpers';
import { allCounties } from '@rg/regions';
import { PAGE } from './million-cases';

const FILTERED = `query($county: String!, $after: String) { trainees(filter: { regionCode: $county, category: REGISTERED_POOR }, first: 20, after: $after) {
  totalCount edges { node { personKey gender povertyHousehold { householdNo cause exited } womenSupport { supportType outcome }
  ventures { name openedOn jobsCreated park { name level } stories { title } } } } } }`;

/**
 * Before a timed pass, the processes serve `requests` reads of other records than the timed
 * ones: pages of trainees with every relation (one in ten a page of 500) and pages of each
 * county's registered poor, all from the middle of the list on. A process that has just
 * started runs its code in V8's interpreter until the code has run often enough to be
 * compiled: measured at a million trainees, the same page of 20 cost all the processes 70 ms
 * of CPU in a fresh stack's first 20 requests and 32 ms after 220 more (p50 42 → 21 ms). A
 * province's stack serves thousands of requests a day; a first viewer of a figure meets warm
 * code, not a process started a second ago. No answer of the timed reads is asked here, and
 * the timed passes keep every cache off (the "after start" column keeps a fresh process's cost).
 */
export async function warmUpProcesses(stack: Stack, token: string, trainees: number, requests: number): Promise<number> {
  const began = performance.now();
  const counties = allCounties().map((county) => county.code);
  const half = Math.max(1, Math.floor(trainees / 2));
  for (let i = 0; i < requests; i++) {
    const middle = half + ((i * 20) % half);
    const { query, variables } = i % 3 === 2
      ? { query: FILTERED, variables: { county: counties[i % counties.length], after: encodeCursor(middle) } }
      : { query: PAGE, variables: { n: i % 10 === 0 ? 500 : 20, after: encodeCursor(middle) } };
    const { errors } = await postGraphQL(stack.gatewayUrl, query, variables, token);
    if (errors) throw new Error(`warm-up read failed: ${errors[0].message}`);
  }
  return performance.now() - began;
}
