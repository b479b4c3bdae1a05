import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@rg/dev-postgres';
import { expectedRegionFigures, type World } from '@rg/demo-province';
import { PROVINCE_CODE } from '@rg/regions';
import { youthLeagueSubgraph } from './index';
import { todayInBeijing } from '@rg/beijing-date';

/** youth-league's writes: each on a fresh database, validated, transactional, all or nothing. */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(youthLeagueSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const published = () => world.youthLeague.stories.filter((s) => s.publishedOn !== null);

function expectBadInput(response: GraphQLResponse, field: string): void {
  expect(response.data?.publishStory ?? response.data?.grantAward ?? null).toBeNull();
  expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
}

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Trainee { personKey stories { id title published } awards { id title level year } }
    ... on Venture { id stories { id published } }
    ... on SuccessStory { id title protagonistName }
    ... on Region { code storyCount awardCount }
    ... on Scorecard { regionCode year storiesPublished { value target met } }
  }
}`;

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
    }, 'youth-league');
    expect(entities.data._entities[0].stories.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(entities.data._entities[1].stories.map((s: { id: string }) => s.id)).toContain(created.id);
    expect(entities.data._entities[2].storyCount).toBe(before + 1);
  });

  it('defaults publishedOn to today', async () => {
    const input: Record<string, unknown> = { ...validStory(), title: '今日发布' };
    delete input.publishedOn;
    const response = await harness.query(PUBLISH, { input }, 'youth-league');
    // Today in Beijing, where the league's records are dated (from 16:00 UTC it is already tomorrow there).
    expect(response.data.publishStory.publishedOn).toBe(todayInBeijing());
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
    const before = await harness.rowCount('success_story');
    expectBadInput(await harness.query(PUBLISH, { input: { ...validStory(), ...change } }, 'youth-league'), field);
    expect(await harness.rowCount('success_story')).toBe(before);
  });

  it('grants an award once per person, title and year', async () => {
    const response = await harness.query(GRANT, { input: validAward() }, 'youth-league');
    expect(response.errors).toBeUndefined();
    expect(response.data.grantAward).toMatchObject({
      title: '返乡创业之星', level: 'PROVINCE', year: 2019, recipient: { personKey: story().protagonistPersonKey },
    });
    const before = await harness.rowCount('award');
    expectBadInput(await harness.query(GRANT, { input: validAward() }, 'youth-league'), 'input.title');
    expectBadInput(await harness.query(GRANT, { input: { ...validAward(), title: ' 返乡创业之星 ' } }, 'youth-league'), 'input.title');
    expect(await harness.rowCount('award')).toBe(before);
    // Another year is another award.
    const nextYear = await harness.query(GRANT, { input: { ...validAward(), year: 2020 } }, 'youth-league');
    expect(nextYear.errors).toBeUndefined();

    const trainee = await harness.query(ENTITIES, {
      representations: [{ __typename: 'Trainee', personKey: story().protagonistPersonKey }],
    }, 'youth-league');
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
    const before = await harness.rowCount('award');
    expectBadInput(await harness.query(GRANT, { input: { ...validAward(), year: 2018, ...change } }, 'youth-league'), field);
    expect(await harness.rowCount('award')).toBe(before);
  });
});
