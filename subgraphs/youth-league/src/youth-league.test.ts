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

function expectBadInput(response: GraphQLResponse, field: string): void {
  expect(response.data?.publishStory ?? response.data?.grantAward ?? null).toBeNull();
  expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

async function rowCount(table: string): Promise<number> {
  const [{ n }] = await harness.subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
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
});

describe('successStories', () => {
  it('lists only published stories unless drafts are asked for', async () => {
    const all = await harness.query(STORIES, { first: 500 });
    expect(all.errors).toBeUndefined();
    expect(all.data.successStories.totalCount).toBe(published().length);
    expect(all.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(published()));
    expect(all.data.successStories.edges.every((e: any) => e.node.published && e.node.publishedOn)).toBe(true);

    const withDrafts = await harness.query(STORIES, { filter: { includeDrafts: true }, first: 500 });
    expect(withDrafts.data.successStories.totalCount).toBe(world.youthLeague.stories.length);
  });

  it('filters by a region at any level', async () => {
    const city = busiestCity();
    const inCity = published().filter((s) => under(city).has(s.regionCode));
    const response = await harness.query(STORIES, { filter: { regionCode: city }, first: 500 });
    expect(response.data.successStories.totalCount).toBe(inCity.length);
    expect(response.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(inCity));

    const county = inCity[0].regionCode;
    const inCounty = published().filter((s) => s.regionCode === county);
    const byCounty = await harness.query(STORIES, { filter: { regionCode: county } });
    expect(byCounty.data.successStories.totalCount).toBe(inCounty.length);

    const province = await harness.query(STORIES, { filter: { regionCode: PROVINCE_CODE } });
    expect(province.data.successStories.totalCount).toBe(published().length);
  });

  it('filters by channel and publication year together', async () => {
    const sample = published()[0];
    const year = Number(sample.publishedOn!.slice(0, 4));
    const expected = published().filter((s) => s.channel === sample.channel && s.publishedOn!.startsWith(`${year}-`));
    const response = await harness.query(STORIES, {
      filter: { channel: sample.channel, publishedYear: year, includeDrafts: true }, first: 500,
    });
    expect(response.data.successStories.edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
  });

  it('walks every published story page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await harness.query(STORIES, { first: 5, after });
      const connection = page.data.successStories;
      seen.push(...connection.edges.map((e: any) => e.node.id));
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(idsOf(published()));
  });

  it('refuses pages over 500, bad cursors and unknown regions', async () => {
    expect((await harness.query(STORIES, { first: 501 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await harness.query(STORIES, { after: 'nonsense' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await harness.query(STORIES, { filter: { regionCode: '110105' } })).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('reads one story with its protagonist and venture as references, drafts included', async () => {
    const draft = world.youthLeague.stories.find((s) => s.publishedOn === null)!;
    const response = await harness.query(
      `query ($id: ID!) { successStory(id: $id) {
        id title summary protagonistName publishedOn published channel regionCode protagonist { personKey } venture { id } } }`,
      { id: String(draft.id) },
    );
    expect(response.data.successStory).toEqual({
      id: String(draft.id), title: draft.title, summary: draft.summary, protagonistName: draft.protagonistName,
      publishedOn: null, published: false, channel: draft.channel, regionCode: draft.regionCode,
      protagonist: { personKey: draft.protagonistPersonKey }, venture: { id: String(draft.ventureId) },
    });
    expect((await harness.query('{ successStory(id: "999999") { id } }')).data.successStory).toBeNull();
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
    const all = await harness.query(AWARDS, {});
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
    const filtered = await harness.query(AWARDS, { filter });
    expect(filtered.data.awards.edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
  });
});

describe('references from the gateway', () => {
  it("resolves Trainee.stories (published only) and Trainee.awards by personKey", async () => {
    const keys = [...new Set(world.youthLeague.stories.map((s) => s.protagonistPersonKey))];
    keys.push('pk_00000000000000000000000000000000'); // not featured anywhere
    const response = await harness.query(ENTITIES, {
      representations: keys.map((personKey) => ({ __typename: 'Trainee', personKey })),
    });
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
    });
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

describe('mutations', () => {
  const PUBLISH = `mutation ($input: PublishStoryInput!) { publishStory(input: $input) {
    id title published publishedOn channel regionCode protagonist { personKey } venture { id } } }`;
  const GRANT = `mutation ($input: GrantAwardInput!) { grantAward(input: $input) {
    id title level year regionCode recipientName recipient { personKey } } }`;

  const story = () => published()[0];
  const validStory = () => ({
    title: '返乡青年的电商路', summary: '她回到家乡，把土特产卖向全国。', protagonistPersonKey: story().protagonistPersonKey,
    protagonistName: story().protagonistName, ventureId: String(story().ventureId), regionCode: story().regionCode,
    channel: 'TV', publishedOn: '2021-05-04',
  });
  const validAward = () => ({
    personKey: story().protagonistPersonKey, recipientName: story().protagonistName, title: '返乡创业之星',
    level: 'PROVINCE', year: 2019, regionCode: story().regionCode,
  });

  it('publishes a story that then shows on the trainee, the venture and the region', async () => {
    const before = expectedRegionFigures(world, story().regionCode).storyCount;
    const response = await harness.query(PUBLISH, { input: validStory() }, 'youth-league');
    expect(response.errors).toBeUndefined();
    const created = response.data.publishStory;
    expect(created).toMatchObject({
      title: '返乡青年的电商路', published: true, publishedOn: '2021-05-04', channel: 'TV', regionCode: story().regionCode,
      protagonist: { personKey: story().protagonistPersonKey }, venture: { id: String(story().ventureId) },
    });
    const entities = await harness.query(ENTITIES, {
      representations: [
        { __typename: 'Trainee', personKey: story().protagonistPersonKey },
        { __typename: 'Venture', id: String(story().ventureId) },
        { __typename: 'Region', code: story().regionCode },
      ],
    });
    expect(entities.data._entities[0].stories.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(entities.data._entities[1].stories.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(entities.data._entities[2].storyCount).toBe(before + 1);
  });

  it('defaults publishedOn to today', async () => {
    const input: Record<string, unknown> = { ...validStory(), title: '今日发布' };
    delete input.publishedOn;
    const response = await harness.query(PUBLISH, { input }, 'youth-league');
    expect(response.data.publishStory.publishedOn).toBe(new Date().toISOString().slice(0, 10));
  });

  it.each([
    ['a blank title', { title: '   ' }, 'input.title'],
    ['a summary over 2000 characters', { summary: '长'.repeat(2001) }, 'input.summary'],
    ['a malformed person key', { protagonistPersonKey: 'pk_XYZ' }, 'input.protagonistPersonKey'],
    ['a citizen ID instead of a person key', { protagonistPersonKey: '32032119900228124X' }, 'input.protagonistPersonKey'],
    ['a city code', { regionCode: '320300' }, 'input.regionCode'],
    ['a region outside Jiangsu', { regionCode: '110105' }, 'input.regionCode'],
    ['a future publication date', { publishedOn: '2999-01-01' }, 'input.publishedOn'],
    ['a non-date', { publishedOn: '2021-02-30' }, 'input.publishedOn'],
    ['a venture id that is not an id', { ventureId: 'abc' }, 'input.ventureId'],
  ])('refuses %s and writes nothing', async (_case, change, field) => {
    const before = await rowCount('success_story');
    expectBadInput(await harness.query(PUBLISH, { input: { ...validStory(), ...change } }, 'youth-league'), field);
    expect(await rowCount('success_story')).toBe(before);
  });

  it('grants an award once per person, title and year', async () => {
    const response = await harness.query(GRANT, { input: validAward() }, 'youth-league');
    expect(response.errors).toBeUndefined();
    expect(response.data.grantAward).toMatchObject({
      title: '返乡创业之星', level: 'PROVINCE', year: 2019, recipient: { personKey: story().protagonistPersonKey },
    });
    const before = await rowCount('award');
    expectBadInput(await harness.query(GRANT, { input: validAward() }, 'youth-league'), 'input.title');
    expectBadInput(await harness.query(GRANT, { input: { ...validAward(), title: ' 返乡创业之星 ' } }, 'youth-league'), 'input.title');
    expect(await rowCount('award')).toBe(before);
    // Another year is another award.
    const nextYear = await harness.query(GRANT, { input: { ...validAward(), year: 2020 } }, 'youth-league');
    expect(nextYear.errors).toBeUndefined();

    const trainee = await harness.query(ENTITIES, {
      representations: [{ __typename: 'Trainee', personKey: story().protagonistPersonKey }],
    });
    const titles = trainee.data._entities[0].awards.map((a: { title: string; year: number }) => `${a.title}/${a.year}`);
    expect(titles).toEqual(expect.arrayContaining(['返乡创业之星/2019', '返乡创业之星/2020']));
  });

  it.each([
    ['a year before 2000', { year: 1999 }, 'input.year'],
    ['a year in the future', { year: new Date().getUTCFullYear() + 1 }, 'input.year'],
    ['a malformed person key', { personKey: 'someone' }, 'input.personKey'],
    ['a blank recipient name', { recipientName: '' }, 'input.recipientName'],
    ['a title over 50 characters', { title: '星'.repeat(51) }, 'input.title'],
    ['a province code', { regionCode: PROVINCE_CODE }, 'input.regionCode'],
  ])('refuses an award with %s and writes nothing', async (_case, change, field) => {
    const before = await rowCount('award');
    expectBadInput(await harness.query(GRANT, { input: { ...validAward(), year: 2018, ...change } }, 'youth-league'), field);
    expect(await rowCount('award')).toBe(before);
  });
});
