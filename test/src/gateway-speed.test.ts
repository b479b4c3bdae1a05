import { Client } from 'pg';
import { signToken } from '@rg/access';
import { metricSum, postGraphQL, type GraphQLResponse } from '@rg/dev-postgres';
import { registeredPoorTrainee, startStackHarness, type StackHarness } from './stack-harness';
import { newPersonId } from './bench/soak-load';

/**
 * The gateway's speed mechanisms on the real stack: answers without personal records kept for
 * callers of the same role and scopes and dropped by writes, identical operations and fetches
 * of one caller shared while in flight, entity fetches of one caller merged across requests,
 * and never one caller's answer for another, with personal reads still audited.
 */
let h: StackHarness;
let poverty: Client;
beforeAll(async () => {
  // Kept answers live a minute here, so what drops them in these tests is a write, not the TTL;
  // the departments' own aggregate cache is off, so a figure shows a write at once.
  h = await startStackHarness({ env: { GATEWAY_RESPONSE_CACHE_MS: '60000', AGGREGATE_CACHE_MS: '0' } });
  poverty = new Client({ connectionString: h.stack.databaseUrls.poverty });
  await poverty.connect();
}, 180_000);
afterAll(async () => {
  await poverty?.end();
  await h?.stop();
});

const metric = (name: string, labels: Record<string, string> = {}) => h.gatewayMetric(name, labels);

const READ_HOUSEHOLD = 'query ReadPoorHousehold($id: ID!) { trainee(id: $id) { id povertyHousehold { id cause } } }';

/** A trainee in poverty's registry, whose household a caller from hr may read (and poverty audits). */
const poorTrainee = () => registeredPoorTrainee(h.world);

async function auditedReads(subject: string): Promise<number> {
  const { rows } = await poverty.query("SELECT count(*)::int AS n FROM audit_event WHERE subject = $1 AND operation = 'ReadPoorHousehold'", [subject]);
  return rows[0].n;
}

describe('answers kept for anonymous callers', () => {
  const FIGURES = 'query XuzhouFigures { region(code: "320300") { traineeCount povertyHouseholds: poorHouseholdCount } }';

  it('answers a repeated public query without asking the departments, and a write through the gateway drops it', async () => {
    const first = await postGraphQL(h.stack.gatewayUrl, FIGURES);
    expect(first.errors).toBeUndefined();
    const hits = await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' });
    const statements = await h.statements('hr');
    const again = await postGraphQL(h.stack.gatewayUrl, FIGURES);
    expect(again.data).toEqual(first.data);
    expect(await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' })).toBe(hits + 1);
    expect(await h.statements('hr')).toBe(statements); // hr was not asked

    // A returnee registered in a county of Xuzhou (320321): the kept answer no longer holds.
    const registered = await h.query('mutation Register($i: RegisterTraineeInput!) { registerTrainee(input: $i) { id } }',
      { i: { citizenId: newPersonId(1, false), name: '测试', category: 'MIGRANT_WORKER', stage: 'AWARENESS' } }, 'hr');
    expect(registered.errors).toBeUndefined();
    const after = await postGraphQL(h.stack.gatewayUrl, FIGURES);
    expect(after.data.region.traineeCount).toBe(first.data.region.traineeCount + 1);
    expect(await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' })).toBe(hits + 1);
  });

  it('sends a large kept answer as the same bytes each time, with their length', async () => {
    // Every county's 2019 scorecard: about 60 KB with the counties' names, so the gateway holds its bytes.
    const counties = [...new Set(h.world.hr.trainees.map((t) => t.regionCode))];
    const CARDS = `query CountyCards($r: [ID!]!) { scorecards(regionCodes: $r, years: [2019]) {
      regionCode year trained { value target met } passRate { value } openingRate6m { value } poorTraineeShare { value suppressed note } } }`;
    const ask = async () => {
      const res = await fetch(h.stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CARDS, variables: { r: counties } }) });
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      return bytes;
    };
    const hits = await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' });
    const [first, second, third] = [await ask(), await ask(), await ask()];
    expect(await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' })).toBe(hits + 2);
    expect(first.length).toBeGreaterThan(20_000);
    expect(second.equals(first)).toBe(true);
    expect(third.equals(first)).toBe(true);
    const answer = JSON.parse(first.toString('utf8'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data.scorecards).toHaveLength(counties.length);
  });

  it('never answers a caller with a token from the public answers', async () => {
    const figures = 'query HuaianFigures { region(code: "320800") { traineeCount ventureCount } }';
    await postGraphQL(h.stack.gatewayUrl, figures);
    const kept = await postGraphQL(h.stack.gatewayUrl, figures);
    expect(kept.errors).toBeUndefined();
    const hits = await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' });
    const statements = await h.statements('hr');
    const analyst = await h.query(figures, undefined, 'analyst');
    expect(analyst.errors).toBeUndefined();
    expect(await metric('gateway_kept_answers_total', { caller: 'anonymous', outcome: 'hit' })).toBe(hits);
    expect(await h.statements('hr')).toBeGreaterThan(statements); // asked hr itself
  });
});

describe('answers kept for callers with a token', () => {
  const FIGURES = 'query NanjingFigures { region(code: "320100") { traineeCount ventureCount poorHouseholdCount } }';
  const hits = () => metric('gateway_kept_answers_total', { caller: 'token', outcome: 'hit' });

  it('answers an aggregate asked again by another caller of the same role from one answer, and no other role', async () => {
    const [first, second, admin] = await Promise.all([
      signToken('analyst', { subject: 'analyst-one' }), signToken('analyst', { subject: 'analyst-two' }), signToken('admin', { subject: 'admin-one' }),
    ]);
    const computed = await postGraphQL(h.stack.gatewayUrl, FIGURES, undefined, first);
    expect(computed.errors).toBeUndefined();
    const hitsBefore = await hits();
    const statements = await h.statements('hr');
    const kept = await postGraphQL(h.stack.gatewayUrl, FIGURES, undefined, second);
    expect(kept).toEqual(computed);
    expect(await hits()).toBe(hitsBefore + 1);
    expect(await h.statements('hr')).toBe(statements); // hr was not asked

    // An admin may see other things than an analyst: asked afresh.
    const forAdmin = await postGraphQL(h.stack.gatewayUrl, FIGURES, undefined, admin);
    expect(forAdmin.errors).toBeUndefined();
    expect(await hits()).toBe(hitsBefore + 1);
    expect(await h.statements('hr')).toBeGreaterThan(statements);
  });

  it('keeps no answer that shows a person, even one its own department reads without an audit', async () => {
    const { trainee } = poorTrainee();
    const own = 'query OwnTrainee($id: ID!) { trainee(id: $id) { id name } }';
    const token = await signToken('hr', { subject: 'hr-clerk' });
    const personal = await metric('gateway_kept_answers_total', { caller: 'token', outcome: 'personal' });
    const hitsBefore = await hits();
    const statements = await h.statements('hr');
    for (let i = 0; i < 3; i++) {
      const answer = await postGraphQL(h.stack.gatewayUrl, own, { id: String(trainee.id) }, token);
      expect(answer.errors).toBeUndefined();
      expect(answer.data.trainee.name).toBe(trainee.name);
    }
    expect(await metric('gateway_kept_answers_total', { caller: 'token', outcome: 'personal' })).toBe(personal + 3);
    expect(await hits()).toBe(hitsBefore);
    expect(await h.statements('hr')).toBeGreaterThanOrEqual(statements + 3); // asked hr every time
  });
});

describe('sharing in flight, per caller', () => {
  it('runs identical operations of one caller once while they are in flight, and audits the read', async () => {
    const { trainee, householdId } = poorTrainee();
    const token = await signToken('hr', { subject: 'dashboard-user' });
    await postGraphQL(h.stack.gatewayUrl, READ_HOUSEHOLD, { id: String(trainee.id) }, token); // plans and documents are cached now
    const audited = await auditedReads('dashboard-user');
    const shared = await metric('gateway_shared_operations_total');
    const fetches = await metric('subgraph_fetches_total', { department: 'poverty' });
    const answers = await Promise.all(Array.from({ length: 10 }, () => postGraphQL(h.stack.gatewayUrl, READ_HOUSEHOLD, { id: String(trainee.id) }, token)));
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.trainee.povertyHousehold.id).toBe(householdId);
    }
    const sharedNow = (await metric('gateway_shared_operations_total')) - shared;
    const fetchesNow = (await metric('subgraph_fetches_total', { department: 'poverty' })) - fetches;
    expect(sharedNow).toBeGreaterThan(0);
    expect(fetchesNow).toBe(10 - sharedNow); // one fetch to poverty per operation that ran
    // Each operation that ran left its audit event at poverty before its answer left.
    expect((await auditedReads('dashboard-user')) - audited).toBe(fetchesNow);
  });

  it('never gives one caller the answer of another, even asked at the same moment', async () => {
    const { trainee, householdId } = poorTrainee();
    const [alice, bob] = await Promise.all([signToken('hr', { subject: 'alice' }), signToken('hr', { subject: 'bob' })]);
    const ask = (token?: string) => postGraphQL(h.stack.gatewayUrl, READ_HOUSEHOLD, { id: String(trainee.id) }, token);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => ask([alice, bob, undefined][i % 3]).then((answer) => ({ i, answer }))));
    for (const { i, answer } of answers) {
      if (i % 3 === 2) {
        // Anonymous: a person's household is not public, whoever asked the same at the same time.
        expect(answer.data?.trainee?.povertyHousehold ?? null).toBeNull();
        expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      } else {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.trainee.povertyHousehold.id).toBe(householdId);
      }
    }
    // Each caller's read is in poverty's audit trail under their own name.
    expect(await auditedReads('alice')).toBeGreaterThan(0);
    expect(await auditedReads('bob')).toBeGreaterThan(0);
  });

  it('audits every personal read asked one after another: nothing personal is kept', async () => {
    const { trainee } = poorTrainee();
    const token = await signToken('hr', { subject: 'one-after-another' });
    for (let i = 0; i < 3; i++) {
      const answer = await postGraphQL(h.stack.gatewayUrl, READ_HOUSEHOLD, { id: String(trainee.id) }, token);
      expect(answer.errors).toBeUndefined();
    }
    expect(await auditedReads('one-after-another')).toBe(3);
  });

  it('sends identical fetches of one caller once while in flight, though the operations differ in spelling', async () => {
    const token = await signToken('admin', { subject: 'spelling' });
    // The same question spelt ten ways: different documents, the same fetch to hr.
    const spellings = Array.from({ length: 10 }, (_, i) => `{ trainees(first: 20) {${' '.repeat(i + 1)}totalCount edges { node { personKey } } } }`);
    for (const query of spellings) await postGraphQL(h.stack.gatewayUrl, query, undefined, token); // plans cached
    const shared = await metric('subgraph_fetches_shared_total', { department: 'hr' });
    const sent = await metric('subgraph_fetches_total', { department: 'hr' });
    const answers = await Promise.all(spellings.map((query) => postGraphQL(h.stack.gatewayUrl, query, undefined, token)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0].data.trainees.edges).toHaveLength(20);
    const sharedNow = (await metric('subgraph_fetches_shared_total', { department: 'hr' })) - shared;
    expect((await metric('subgraph_fetches_total', { department: 'hr' })) - sent).toBe(10);
    expect(sharedNow).toBeGreaterThan(0);
  });
});

describe('entity fetches of one caller merged across requests', () => {
  /** Each request a different county; the households come from poverty in one entity fetch per request, or fewer merged. */
  const POOR_TRAINEES = `query BatchPoorTrainees($region: String!) {
    trainees(filter: { regionCode: $region, category: REGISTERED_POOR }, first: 10) {
      edges { node { personKey povertyHousehold { id householdNo } ventures { name park { name } } } } } }`;
  /** hr staff may read a household, not its income: FORBIDDEN at each trainee that has a household, none at the others. */
  const INCOMES = `query BatchIncomes($region: String!) {
    trainees(filter: { regionCode: $region }, first: 12) { edges { node { personKey povertyHousehold { householdNo perCapitaIncomeYuan } } } } }`;

  /** The counties with the most registered-poor trainees: pages with households in them. */
  const counties = (n: number) => {
    const poor = new Map<string, number>();
    for (const t of h.world.hr.trainees) if (t.category === 'REGISTERED_POOR') poor.set(t.regionCode, (poor.get(t.regionCode) ?? 0) + 1);
    return [...poor.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([code]) => code);
  };
  const merged = () => metric('subgraph_entity_fetches_merged_total', { department: 'poverty' });
  /** An answer with its errors in a stable order: merged or not, the same errors at the same paths. */
  const normalised = (answer: { data?: unknown; errors?: Array<{ path?: unknown[] }> }) =>
    ({ data: answer.data, errors: answer.errors?.map((e) => JSON.stringify(e)).sort() });

  /**
   * Asks every county's question at once, round after round, until poverty was sent at least
   * one merged fetch (which needs answers from hr to come back in the same turn), checking
   * every round's answers against those asked one at a time.
   */
  async function askTogether(query: string, asked: Array<{ region: string; token: string }>) {
    const alone: GraphQLResponse[] = [];
    for (const { region, token } of asked) alone.push(await postGraphQL(h.stack.gatewayUrl, query, { region }, token));
    const before = await merged();
    let rounds = 0;
    while (rounds < 10 && (await merged()) === before) {
      rounds++;
      const together = await Promise.all(asked.map(({ region, token }) => postGraphQL(h.stack.gatewayUrl, query, { region }, token)));
      together.forEach((answer, i) => expect(normalised(answer)).toEqual(normalised(alone[i])));
    }
    expect(await merged()).toBeGreaterThan(before);
    return alone;
  }

  it('answers each of one caller\'s concurrent requests exactly as it answers it alone, and audits every household read', async () => {
    const token = await signToken('admin', { subject: 'batch-dashboard' });
    const alone = await askTogether(POOR_TRAINEES, counties(10).map((region) => ({ region, token })));
    const households = new Set(alone.flatMap((answer) => answer.data.trainees.edges.map((e: any) => e.node.povertyHousehold?.id).filter(Boolean)));
    expect(households.size).toBeGreaterThan(5);
    const { rows } = await poverty.query("SELECT DISTINCT unnest(record_ids) AS id FROM audit_event WHERE subject = 'batch-dashboard' AND record_type = 'PoorHousehold'");
    expect(new Set(rows.map((r) => r.id))).toEqual(households);
  });

  it('never merges two callers\' fetches: each caller\'s audit trail holds exactly the households of their own answers', async () => {
    const [alice, bob] = await Promise.all([signToken('admin', { subject: 'batch-alice' }), signToken('admin', { subject: 'batch-bob' })]);
    const regions = counties(12);
    const asked = regions.map((region, i) => ({ region, token: i % 2 === 0 ? alice : bob }));
    const alone = await askTogether(POOR_TRAINEES, asked);
    for (const [subject, parity] of [['batch-alice', 0], ['batch-bob', 1]] as const) {
      const own = new Set(alone.filter((_, i) => i % 2 === parity)
        .flatMap((answer) => answer.data.trainees.edges.map((e: any) => e.node.povertyHousehold?.id).filter(Boolean)));
      const { rows } = await poverty.query("SELECT DISTINCT unnest(record_ids) AS id FROM audit_event WHERE subject = $1 AND record_type = 'PoorHousehold'", [subject]);
      expect(own.size).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.id))).toEqual(own);
    }
  });

  it('marks every request of a merged fetch that showed a person, so none of their answers is kept', async () => {
    // agriculture's page of parks shows no person; their residents' founders from hr do, through
    // entity fetches that pages asked together share. Kept, such an answer would reach another
    // admin without hr auditing their read.
    const FOUNDERS = 'query ParkFounders($first: Int!) { incubatorParks(first: $first) { edges { node { id residents { id founder { personKey name } } } } } }';
    const token = await signToken('admin', { subject: 'merge-personal' });
    const PAGES = [3, 4, 5, 6, 7, 8];
    const mergedHr = () => metric('subgraph_entity_fetches_merged_total', { department: 'hr' });
    const kept = (outcome: string) => metric('gateway_kept_answers_total', { caller: 'token', outcome });
    const [mergedBefore, personalBefore, missBefore] = [await mergedHr(), await kept('personal'), await kept('miss')];
    let rounds = 0;
    while (rounds < 10 && (await mergedHr()) === mergedBefore) {
      rounds++;
      const answers = await Promise.all(PAGES.map((first) => postGraphQL(h.stack.gatewayUrl, FOUNDERS, { first }, token)));
      for (const answer of answers) {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.incubatorParks.edges.some((e: any) => e.node.residents.some((v: any) => v.founder.name))).toBe(true);
      }
    }
    expect(await mergedHr()).toBeGreaterThan(mergedBefore);
    expect(await kept('personal')).toBe(personalBefore + PAGES.length * rounds);
    expect(await kept('miss')).toBe(missBefore);
  });

  it('gives each request the errors of its own entities, at its own paths', async () => {
    const token = await signToken('hr', { subject: 'batch-hr' });
    const alone = await askTogether(INCOMES, counties(10).map((region) => ({ region, token })));
    // The check is meaningful: some requests have FORBIDDEN incomes and some trainees none.
    const errors = alone.flatMap((answer) => answer.errors ?? []);
    expect(errors.length).toBeGreaterThan(3);
    expect(errors.every((e) => e.extensions?.code === 'FORBIDDEN' && e.path?.at(-1) === 'perCapitaIncomeYuan')).toBe(true);
    expect(alone.flatMap((answer) => answer.data.trainees.edges).some((e: any) => e.node.povertyHousehold === null)).toBe(true);
  });
});

describe("one department's entity fetches at several paths of a plan, sent as one", () => {
  /** Stories come from youth-league at two paths: each trainee's and each of their ventures'. */
  const STORIES = `query TraineeAndVentureStories($region: String!) { trainees(filter: { regionCode: $region }, first: 30) {
    edges { node { personKey stories { id } ventures { id stories { id } } } } } }`;

  /** Requests youth-league has served, counted by youth-league itself. */
  async function youthLeagueRequests(): Promise<number> {
    return metricSum(h.stack.subgraphUrls['youth-league'].replace('/graphql', '/metrics'), 'graphql_request_duration_seconds_count');
  }

  it("asks youth-league once for a page's trainees' and ventures' stories, and answers with the stories youth-league holds", async () => {
    const published = h.world.youthLeague.stories.filter((s) => s.publishedOn !== null);
    const storiesOf = (personKey: string) => published.filter((s) => s.protagonistPersonKey === personKey).map((s) => String(s.id));
    const storiesOfVenture = (id: number) => published.filter((s) => s.ventureId === id).map((s) => String(s.id));
    // The county whose page has the most stories (not 320321, where a test above registers a trainee).
    const pageOf = (region: string) => h.world.hr.trainees.filter((t) => t.regionCode === region).slice(0, 30);
    const storiesOnPage = (region: string) => pageOf(region).reduce((n, t) => n + storiesOf(t.personKey).length, 0);
    const counties = [...new Set(h.world.hr.trainees.map((t) => t.regionCode))].filter((code) => code !== '320321');
    const region = counties.sort((a, b) => storiesOnPage(b) - storiesOnPage(a))[0];

    const sent = await metric('subgraph_entity_fetches_sent_total', { department: 'youth-league' });
    const served = await youthLeagueRequests();
    const answer = await h.query(STORIES, { region }, 'admin');
    expect(answer.errors).toBeUndefined();
    expect(await metric('subgraph_entity_fetches_sent_total', { department: 'youth-league' })).toBe(sent + 1);
    expect(await youthLeagueRequests()).toBe(served + 1);

    const nodes = answer.data.trainees.edges.map((e: any) => e.node);
    expect(nodes.map((node: { personKey: string }) => node.personKey)).toEqual(pageOf(region).map((t) => t.personKey));
    for (const node of nodes) {
      expect(node.stories.map((s: { id: string }) => s.id).sort()).toEqual(storiesOf(node.personKey).sort());
      for (const venture of node.ventures) expect(venture.stories.map((s: { id: string }) => s.id).sort()).toEqual(storiesOfVenture(Number(venture.id)).sort());
    }
    // Both paths had stories to answer.
    expect(nodes.some((node: any) => node.stories.length > 0)).toBe(true);
    expect(nodes.some((node: any) => node.ventures.some((v: any) => v.stories.length > 0))).toBe(true);
  });
});
