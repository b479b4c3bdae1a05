import { composeCitizenId } from '@rg/person-key';

/**
 * The soak's traffic through the gateway: three reads (a page of trainees with every
 * department's fields, a city's figures, a scorecard) for every write (hr registers a
 * returnee, womens-federation opens a support case), each write a new person.
 */
const PAGE = `query SoakPage($after: String) { trainees(first: 20, after: $after) { pageInfo { endCursor } edges { node { id
  ventures { id park { name } stories { title } } povertyHousehold { cause } womenSupport { supportType } stories { title } } } } }`;
const REGION = `query SoakRegion($code: ID!) { region(code: $code) { name traineeCount ventureCount parkCount poorHouseholdCount storyCount womenSupportCaseCount } }`;
const SCORECARD = `query SoakScorecard($code: ID!, $year: Int!) { scorecard(regionCode: $code, year: $year) {
  trained { value met } passRate { value } poorTraineeShare { value } newParks { value } } }`;
const REGISTER = `mutation SoakRegister($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id personKey } }`;
const OPEN_CASE = `mutation SoakOpenCase($i: OpenSupportCaseInput!) { openSupportCase(input: $i) { id personKey } }`;

const CITIES = ['320100', '320200', '320300', '320400', '320500', '320600', '320700', '320800', '320900', '321000', '321100', '321200', '321300'];

export interface SoakTokens {
  admin: string;
  hr: string;
  womensFederation: string;
}

export interface Outcome {
  kind: 'read' | 'write';
  status: number;
  ms: number;
  errorCodes: string[];
}

/**
 * The n-th person a soak writes: born 1900–1914, before any demo-province birth date (they
 * start in 1915), so every write is a new person and never a duplicate. The sequence's
 * parity is the gender (even: a woman, as a support case needs).
 */
export function newPersonId(n: number, woman: boolean): string {
  const birth = new Date(Date.UTC(1900, 0, 1) + Math.floor(n / 400) * 86_400_000).toISOString().slice(0, 10);
  const sequence = 100 + (n % 400) * 2 + (woman ? 0 : 1);
  return composeCitizenId('320321', birth, sequence);
}

/** One request of the mix, chosen by its number; returns what the gateway answered. */
export async function soakRequest(url: string, n: number, tokens: SoakTokens): Promise<Outcome> {
  const slot = n % 8;
  let body: { query: string; variables: Record<string, unknown> };
  let token: string | undefined;
  let kind: Outcome['kind'] = 'read';
  if (slot === 0) {
    kind = 'write';
    token = tokens.hr;
    body = { query: REGISTER, variables: { i: { citizenId: newPersonId(n, false), name: '测试', category: 'MIGRANT_WORKER', stage: 'AWARENESS' } } };
  } else if (slot === 4) {
    kind = 'write';
    token = tokens.womensFederation;
    body = { query: OPEN_CASE, variables: { i: { citizenId: newPersonId(n, true), name: '测试', supportType: 'MENTORING' } } };
  } else if (slot % 2 === 1) {
    token = tokens.admin;
    body = { query: PAGE, variables: {} };
  } else if (slot === 2) {
    body = { query: REGION, variables: { code: CITIES[n % CITIES.length] } };
  } else {
    body = { query: SCORECARD, variables: { code: CITIES[n % CITIES.length], year: 2016 + (n % 5) } };
  }
  const began = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string } }> };
    return { kind, status: response.status, ms: performance.now() - began, errorCodes: (answer.errors ?? []).map((e) => e.extensions?.code ?? 'UNKNOWN') };
  } catch (error) {
    return { kind, status: 0, ms: performance.now() - began, errorCodes: [(error as Error).name] };
  }
}
