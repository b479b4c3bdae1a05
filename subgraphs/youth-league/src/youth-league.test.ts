import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@rg/dev-postgres';
import { expectedRegionFigures, expectedScorecard, type SuccessStory, type World } from '@rg/demo-province';
import { allCities, countiesUnder, PROVINCE_CODE } from '@rg/regions';
import { youthLeagueSubgraph } from './index';

let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(youthLeagueSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const published = () => world.youthLeague.stories.filter((s) => s.publishedOn !== null);
const under = (code: string) => new Set(countiesUnder(code));
const idsOf = (stories: Array<{ id: number }>) => stories.map((s) => String(s.id)).sort((a, b) => Number(a) - Number(b));

/** The city with the most published stories, so region filters are tested on real rows. */
function busiestCity(): string {
  const counts = allCities().map((city) => {
    const counties = under(city.code);
    return { code: city.code, n: published().filter((s) => counties.has(s.regionCode)).length };
  });
  return counts.sort((a, b) => b.n - a.n)[0].code;
}

const STORIES = `query ($filter: SuccessStoryFilter, $first: Int, $after: String) {
  successStories(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title published publishedOn channel regionCode protagonist { personKey } venture { id } } }
  }
}`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Trainee { personKey stories { id title published } awards { id title level year } }
    ... on Venture { id stories { id published } }
    ... on SuccessStory { id title protagonistName }
    ... on Region { code storyCount awardCount }
    ... on Scorecard { regionCode year storiesPublished { value target met } }
  }
}`;

describe('the demo world', () => {
  it('has published stories, drafts and awards to test against', () => {
    expect(published().length).toBeGreaterThan(5);
    expect(world.youthLeague.stories.length).toBeGreaterThan(published().length);
    expect(world.youthLeague.awards.length).toBeGreaterThan(0);
  });

  it('is seeded once: seeding again writes nothing', async () => {
    const counts = () => Promise.all(['success_story', 'award'].map(async (table) =>
      (await harness.subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number));
    const before = await counts();
    expect(before[0]).toBeGreaterThan(0);
    await youthLeagueSubgraph.seed(harness.subgraph.dataSource, world);
    expect(await counts()).toEqual(before);
  });
});

describe('successStories', () => {
  it('lists only published stories unless drafts are asked for', async () => {
    const all = await harness.query(STORIES, { first: 500 }, 'analyst');
    expect(all.errors).toBeUndefined();
    expect(all.data.successStories.totalCount).toBe(published().length);
    expect(all.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(published()));
    expect(all.data.successStories.edges.every((e: any) => e.node.published && e.node.publishedOn)).toBe(true);

    const withDrafts = await harness.query(STORIES, { filter: { includeDrafts: true }, first: 500 }, 'youth-league');
    expect(withDrafts.data.successStories.totalCount).toBe(world.youthLeague.stories.length);
  });

  it('filters by a region at any level', async () => {
    const city = busiestCity();
    const inCity = published().filter((s) => under(city).has(s.regionCode));
    const response = await harness.query(STORIES, { filter: { regionCode: city }, first: 500 }, 'analyst');
    expect(response.data.successStories.totalCount).toBe(inCity.length);
    expect(response.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(inCity));

    const county = inCity[0].regionCode;
    const inCounty = published().filter((s) => s.regionCode === county);
    const byCounty = await harness.query(STORIES, { filter: { regionCode: county } }, 'analyst');
    expect(byCounty.data.successStories.totalCount).toBe(inCounty.length);

    const province = await harness.query(STORIES, { filter: { regionCode: PROVINCE_CODE } }, 'analyst');
    expect(province.data.successStories.totalCount).toBe(published().length);
  });

  it('filters by channel and publication year together', async () => {
    const sample = published()[0];
    const year = Number(sample.publishedOn!.slice(0, 4));
    const expected = published().filter((s) => s.channel === sample.channel && s.publishedOn!.startsWith(`${year}-`));
    const response = await harness.query(STORIES, {
      filter: { channel: sample.channel, publishedYear: year, includeDrafts: true }, first: 500,
    }, 'admin');
    expect(response.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
  });

  it('walks every published story page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await harness.query(STORIES, { first: 5, after }, 'analyst');
      const connection = page.data.successStories;
      seen.push(...connection.edges.map((e: any) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(idsOf(published()));
  });

  it('refuses pages over 500, bad cursors and unknown regions', async () => {
    expect((await harness.query(STORIES, { first: 501 }, 'analyst')).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await harness.query(STORIES, { after: 'nonsense' }, 'analyst')).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect((await harness.query(STORIES, { filter: { regionCode: '110105' } }, 'analyst')).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('reads one story with its protagonist and venture as references, drafts included', async () => {
    const draft = world.youthLeague.stories.find((s) => s.publishedOn === null)!;
    const response = await harness.query(
      `query ($id: ID!) { successStory(id: $id) {
        id title summary protagonistName publishedOn published channel regionCode protagonist { personKey } venture { id } } }`,
      { id: String(draft.id) }, 'youth-league',
    );
    expect(response.data.successStory).toEqual({
      id: String(draft.id), title: draft.title, summary: draft.summary, protagonistName: draft.protagonistName,
      publishedOn: null, published: false, channel: draft.channel, regionCode: draft.regionCode,
      protagonist: { personKey: draft.protagonistPersonKey }, venture: { id: String(draft.ventureId) },
    });
    expect((await harness.query('{ successStory(id: "999999") { id } }', undefined, 'youth-league')).data.successStory).toBeNull();
  });

  it('never exposes a raw citizen ID or the stored keys as fields', async () => {
    const response = await harness.query(`{ __type(name: "SuccessStory") { fields { name } } }`);
    const names = response.data.__type.fields.map((f: { name: string }) => f.name);
    expect(names).not.toContain('protagonistPersonKey');
    expect(names).not.toContain('ventureId');
    expect(names.some((n: string) => /citizen/i.test(n))).toBe(false);
  });
});

describe('awards', () => {
  const AWARDS = `query ($filter: AwardFilter) { awards(filter: $filter, first: 500) {
    totalCount edges { node { id title level year regionCode recipientName recipient { personKey } } } } }`;

  it('lists awards by region, year and level', async () => {
    const all = await harness.query(AWARDS, {}, 'youth-league');
    expect(all.data.awards.totalCount).toBe(world.youthLeague.awards.length);
    const sample = world.youthLeague.awards[0];
    const first = all.data.awards.edges.find((e: any) => e.node.id === String(sample.id)).node;
    expect(first).toEqual({
      id: String(sample.id), title: sample.title, level: sample.level, year: sample.year, regionCode: sample.regionCode,
      recipientName: sample.recipientName, recipient: { personKey: sample.personKey },
    });

    const filter = { regionCode: sample.regionCode.slice(0, 4) + '00', year: sample.year, level: sample.level };
    const expected = world.youthLeague.awards.filter(
      (a) => under(filter.regionCode).has(a.regionCode) && a.year === filter.year && a.level === filter.level,
    );
    const filtered = await harness.query(AWARDS, { filter }, 'youth-league');
    expect(filtered.data.awards.edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
  });
});

describe('references from the gateway', () => {
  it("resolves Trainee.stories (published only) and Trainee.awards by personKey", async () => {
    const keys = [...new Set(world.youthLeague.stories.map((s) => s.protagonistPersonKey))];
    keys.push('pk_00000000000000000000000000000000'); // not featured anywhere
    const response = await harness.query(ENTITIES, {
      representations: keys.map((personKey) => ({ __typename: 'Trainee', personKey })),
    }, 'analyst');
    expect(response.errors).toBeUndefined();
    for (const [i, key] of keys.entries()) {
      const entity = response.data._entities[i];
      expect(entity.personKey).toBe(key);
      const stories = published().filter((s) => s.protagonistPersonKey === key);
      expect(entity.stories.map((s: { id: string }) => s.id)).toEqual(idsOf(stories));
      const awards = world.youthLeague.awards.filter((a) => a.personKey === key);
      expect(entity.awards.map((a: { id: string }) => a.id)).toEqual(idsOf(awards));
    }
    // Some of these people are featured in drafts, which the loop above saw left out.
    expect(world.youthLeague.stories.some((s) => s.publishedOn === null && keys.includes(s.protagonistPersonKey))).toBe(true);
  });

  it('resolves Venture.stories and SuccessStory references', async () => {
    const story: SuccessStory = published()[0];
    const response = await harness.query(ENTITIES, {
      representations: [
        { __typename: 'Venture', id: String(story.ventureId) },
        { __typename: 'SuccessStory', id: String(story.id) },
      ],
    }, 'youth-league');
    expect(response.data._entities[0]).toEqual({
      id: String(story.ventureId),
      stories: idsOf(published().filter((s) => s.ventureId === story.ventureId)).map((id) => ({ id, published: true })),
    });
    expect(response.data._entities[1]).toEqual({ id: String(story.id), title: story.title, protagonistName: story.protagonistName });
  });
});

describe('region figures and the scorecard', () => {
  it('counts published stories and awards for regions at every level in one statement', async () => {
    const city = busiestCity();
    const codes = [PROVINCE_CODE, city, countiesUnder(city)[0], ...allCities().map((c) => c.code).filter((c) => c !== city)];
    const before = await harness.statements();
    const response = await harness.query(ENTITIES, { representations: codes.map((code) => ({ __typename: 'Region', code })) });
    expect(await harness.statements()).toBe(before + 1);
    for (const [i, code] of codes.entries()) {
      const expected = expectedRegionFigures(world, code);
      expect(response.data._entities[i]).toEqual({ code, storyCount: expected.storyCount, awardCount: expected.awardCount });
    }
    const root = await harness.query(`{ region(code: "${city}") { code level storyCount awardCount } }`);
    expect(root.data.region).toMatchObject({ level: 'CITY', storyCount: expectedRegionFigures(world, city).storyCount });
  });

  it('reports storiesPublished for any regions and years in one statement', async () => {
    const city = busiestCity();
    const cards = [2018, 2019, 2020, 2021].flatMap((year) => [PROVINCE_CODE, city, countiesUnder(city)[0]].map((regionCode) => ({ regionCode, year })));
    const before = await harness.statements();
    const response = await harness.query(ENTITIES, {
      representations: cards.map((card) => ({ __typename: 'Scorecard', ...card })),
    });
    expect(await harness.statements()).toBe(before + 1);
    for (const [i, card] of cards.entries()) {
      expect(response.data._entities[i].storiesPublished)
        .toEqual(expectedScorecard(world, card.regionCode, card.year).storiesPublished);
    }
    const total = cards.filter((c) => c.regionCode === PROVINCE_CODE)
      .reduce((sum, c) => sum + response.data._entities[cards.indexOf(c)].storiesPublished.value, 0);
    expect(total).toBeGreaterThan(0);

    const root = await harness.query(`{ scorecard(regionCode: "${PROVINCE_CODE}", year: 2020) { storiesPublished { value } } }`);
    expect(root.data.scorecard.storiesPublished.value).toBe(expectedScorecard(world, PROVINCE_CODE, 2020).storiesPublished.value);
  });
});
