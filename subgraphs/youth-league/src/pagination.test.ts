import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import { generateWorld, type World } from '@rg/demo-province';
import { youthLeagueSubgraph } from './index';

/**
 * Statement counts must not grow with the page: a larger world than the shared test world,
 * so that a page of 200 is really full.
 */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(youthLeagueSubgraph, { world: generateWorld({ trainees: 12_000 }) });
  world = harness.world;
});

afterAll(() => harness?.stop());

type Role = 'youth-league' | 'analyst' | 'admin';

async function cost(query: string, variables: Record<string, unknown>, role: Role = 'youth-league') {
  const before = await harness.statements();
  const response = await harness.query(query, variables, role);
  expect(response.errors).toBeUndefined();
  return { statements: (await harness.statements()) - before, data: response.data as any };
}

const STORIES = `query ($first: Int) { successStories(first: $first, filter: { includeDrafts: true }) {
  totalCount edges { node { id title published protagonist { personKey } venture { id } } } } }`;

const TRAINEES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Trainee { personKey stories { id title publishedOn } awards { id title year } } } }`;

const VENTURES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
  ... on Venture { id stories { id title } } } }`;

describe('pagination cost', () => {
  it('has more than 200 stories to page through', () => {
    expect(world.youthLeague.stories.length).toBeGreaterThan(200);
  });

  it('costs the same for a page of 20 and a page of 200 stories with their relations', async () => {
    const small = await cost(STORIES, { first: 20 });
    const large = await cost(STORIES, { first: 200 });
    expect(small.data.successStories.edges).toHaveLength(20);
    expect(large.data.successStories.edges).toHaveLength(200);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(2);
  });

  it("costs the same for 20 and 200 stories read by another role, whose reads are audited", async () => {
    const small = await cost(STORIES, { first: 20 }, 'admin');
    const large = await cost(STORIES, { first: 200 }, 'admin');
    expect(large.data.successStories.edges).toHaveLength(200);
    expect(large.statements).toBe(small.statements);
  });

  it("costs the same for 20 and 200 trainees' stories and awards", async () => {
    const keys = [...new Set(world.youthLeague.stories.map((s) => s.protagonistPersonKey))];
    expect(keys.length).toBeGreaterThanOrEqual(200);
    const representations = (n: number) => keys.slice(0, n).map((personKey) => ({ __typename: 'Trainee', personKey }));
    const small = await cost(TRAINEES, { representations: representations(20) });
    const large = await cost(TRAINEES, { representations: representations(200) });
    expect(large.data._entities).toHaveLength(200);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBe(2); // one for the stories, one for the awards
    const audited = await cost(TRAINEES, { representations: representations(20) }, 'analyst');
    expect((await cost(TRAINEES, { representations: representations(200) }, 'analyst')).statements).toBe(audited.statements);

    const published = world.youthLeague.stories.filter((s) => s.publishedOn !== null);
    const storiesSeen = large.data._entities.reduce((n: number, t: any) => n + t.stories.length, 0);
    expect(storiesSeen).toBe(published.filter((s) => keys.slice(0, 200).includes(s.protagonistPersonKey)).length);
  });

  it("costs the same for 20 and 200 ventures' stories", async () => {
    const ids = [...new Set(world.youthLeague.stories.map((s) => s.ventureId))];
    const representations = (n: number) => ids.slice(0, n).map((id) => ({ __typename: 'Venture', id: String(id) }));
    const small = await cost(VENTURES, { representations: representations(20) });
    const large = await cost(VENTURES, { representations: representations(200) });
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBe(1);
  });
});
