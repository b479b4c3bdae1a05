import { allCounties } from '@rg/regions';
import { recordedOperationText } from '@rg/infra';
import { newPersonId } from './soak-load';

/**
 * What `npm run bench:load` sends: each case is a function from the request's number to a
 * body and headers. README queries 1 and 2 word for word, a query with nothing to share
 * between requests, valid reads with bad input mixed in, and a write mix with retries.
 */
export interface LoadRequest {
  body: string;
  headers: Record<string, string>;
  /** False for the bad input mixed in: it is expected to be refused. */
  valid?: boolean;
}

export interface Tokens {
  admin: string;
  hr: string;
  womensFederation: string;
}

export interface LoadCase {
  name: string;
  /** Read cases are held to the p99 target; the write mix is not. */
  read: boolean;
  request(n: number, tokens: Tokens): LoadRequest;
}

/** The README's queries 1 and 2, from the recorded operations a test keeps word for word the README's. */
export const README_QUERY_1 = recordedOperationText('readme-xuzhou-scorecard.graphql');
export const README_QUERY_2 = recordedOperationText('readme-registered-poor-trainees.graphql');

/** Query 2 with the region and page size as variables, so every request can differ. */
const QUERY_2_VARIED = `query PoorTrainees($region: String!, $first: Int!) {
  trainees(filter: { regionCode: $region, category: REGISTERED_POOR }, first: $first) {
    totalCount edges { node { personKey gender
      povertyHousehold { householdNo cause exited }
      womenSupport { supportType outcome }
      ventures { name openedOn jobsCreated park { name level } stories { title } } } } } }`;

const REGISTER = `mutation Register($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id personKey } }`;
const OPEN_CASE = `mutation OpenCase($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { id personKey } }`;

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
const counties = allCounties().map((county) => county.code);

/** 104 counties × 11 page sizes: consecutive requests never ask the same thing. */
function variedQuery2(n: number, tokens: Tokens): LoadRequest {
  const variables = { region: counties[n % counties.length], first: 15 + (Math.floor(n / counties.length) % 11) };
  return { body: JSON.stringify({ query: QUERY_2_VARIED, variables }), headers: bearer(tokens.admin) };
}

/** Person numbers already written in this run: every gateway's write mix writes new people. */
let written = 0;
let lastWrite: LoadRequest | undefined;

function write(tokens: Tokens): LoadRequest {
  const n = written++;
  const key = `load-${process.pid}-${n}`;
  const body = n % 2 === 0
    ? { query: REGISTER, variables: { i: { citizenId: newPersonId(n, false), name: '测试', category: 'MIGRANT_WORKER', stage: 'AWARENESS' } } }
    : { query: OPEN_CASE, variables: { i: { citizenId: newPersonId(n, true), name: '测试', supportType: 'MENTORING' } } };
  lastWrite = { body: JSON.stringify(body), headers: { ...bearer(n % 2 === 0 ? tokens.hr : tokens.womensFederation), 'idempotency-key': key } };
  return lastWrite;
}

/** Refused inputs, in turn: a page far over the cost limit, a query 14 levels deep, a body that is not JSON. */
const OVERSIZED_PAGE = '{ trainees(first: 100000) { edges { node { personKey ventures { name } } } } }';
const TOO_DEEP = (() => {
  let selection = 'id';
  for (let i = 0; i < 7; i++) selection = `founder { ventures { ${selection} } }`;
  return `{ venture(id: "1") { ${selection} } }`;
})();

function badInput(n: number, tokens: Tokens): LoadRequest {
  switch (n % 3) {
    case 0: return { body: JSON.stringify({ query: OVERSIZED_PAGE }), headers: bearer(tokens.admin), valid: false };
    case 1: return { body: JSON.stringify({ query: TOO_DEEP }), headers: bearer(tokens.admin), valid: false };
    default: return { body: '{"query": "{ trainees(first: 1) { totalCount } }", "variables": {', headers: bearer(tokens.admin), valid: false };
  }
}

export const LOAD_CASES: LoadCase[] = [
  { name: 'public scorecard (README query 1), repeated', read: true, request: () => ({ body: JSON.stringify({ query: README_QUERY_1 }), headers: json }) },
  { name: 'README query 2 (admin), repeated', read: true, request: (_n, tokens) => ({ body: JSON.stringify({ query: README_QUERY_2 }), headers: bearer(tokens.admin) }) },
  { name: 'query 2, a different county and page size each request', read: true, request: variedQuery2 },
  {
    name: 'bad input under load: 1 in 4 refused (oversized page, too deep, malformed body), the rest as the varied query 2',
    read: true,
    request: (n, tokens) => (n % 4 === 3 ? badInput(Math.floor(n / 4), tokens) : variedQuery2(n, tokens)),
  },
  {
    name: 'write mix: registrations and support cases, every 4th an Idempotency-Key retry',
    read: false,
    request: (n, tokens) => (n % 4 === 3 && lastWrite ? lastWrite : write(tokens)),
  },
];

/** The case whose valid requests the bad-input case is compared with. */
export const CLEAN_CASE_FOR_BAD_INPUT = 2;

/**
 * The order each gateway runs the cases in (indexes into LOAD_CASES). The clean and the
 * bad-input runs of query 2 alternate twice and are each pooled over their two runs: a single
 * 15-s p99 moved by half between two runs of the same case back to back (96 and 144 ms), and
 * the stack keeps getting faster for minutes after it starts, so one run of each, one after the
 * other, compared the noise and the drift as much as the refusals. The write mix comes last:
 * its thousands of new people change the tables every read after it searches, and autovacuum
 * then works through them during the next case.
 */
export const LOAD_SCHEDULE = [0, 1, 2, 3, 2, 3, 4];
