import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { generateWorld, type World } from '@rg/demo-province';
import { womensFederationSubgraph } from './index';

/**
 * Statement counts must not grow with the page: a larger world than the shared test world,
 * so that pages of 200 are really full.
 */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(womensFederationSubgraph, { world: generateWorld({ trainees: 12_000 }) });
  world = harness.world;
});

afterAll(() => harness?.stop());

type Role = 'womens-federation' | 'analyst' | 'admin';

async function cost(query: string, variables: Record<string, unknown>, role: Role = 'womens-federation') {
  const before = await harness.statements();
  const response = await harness.query(query, variables, role);
  expect(response.errors).toBeUndefined();
  return { statements: (await harness.statements()) - before, data: response.data as any };
}

const CASES = `query ($first: Int, $after: String) { womenSupportCases(first: $first, after: $after) {
  totalCount pageInfo { endCursor } edges { node { id personKey supportType open outcome } } } }`;

const TRAINEES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Trainee { personKey womenSupport { id supportType openedOn outcome } } } }`;

describe('pagination cost', () => {
  it('costs the same for a page of 20 and a page of 200 cases, however deep', async () => {
    const small = await cost(CASES, { first: 20 });
    const large = await cost(CASES, { first: 200 });
    const deep = await cost(CASES, { first: 200, after: large.data.womenSupportCases.pageInfo.endCursor });
    expect(small.data.womenSupportCases.edges).toHaveLength(20);
    expect(large.data.womenSupportCases.edges).toHaveLength(200);
    expect(deep.data.womenSupportCases.edges).toHaveLength(200);
    expect(large.statements).toBe(small.statements);
    expect(deep.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(2);
  });

  it('costs the same for 20 and 200 cases read by another role, whose reads are audited', async () => {
    const small = await cost(CASES, { first: 20 }, 'analyst');
    const large = await cost(CASES, { first: 200 }, 'analyst');
    expect(large.data.womenSupportCases.edges).toHaveLength(200);
    expect(large.statements).toBe(small.statements);
  });

  it("costs the same for 20 and 200 trainees' support cases", async () => {
    const keys = [...new Set(world.womensFederation.cases.map((c) => c.personKey))];
    expect(keys.length).toBeGreaterThanOrEqual(200);
    const representations = (n: number) => keys.slice(0, n).map((personKey) => ({ __typename: 'Trainee', personKey }));
    const small = await cost(TRAINEES, { representations: representations(20) });
    const large = await cost(TRAINEES, { representations: representations(200) });
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBe(1);
    const seen = large.data._entities.reduce((n: number, t: any) => n + t.womenSupport.length, 0);
    const wanted = new Set(keys.slice(0, 200));
    expect(seen).toBe(world.womensFederation.cases.filter((c) => wanted.has(c.personKey)).length);
  });
});
