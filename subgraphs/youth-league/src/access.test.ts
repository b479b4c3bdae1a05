import { startSubgraphHarness, type SubgraphHarness } from '@rg/dev-postgres';
import type { World } from '@rg/demo-province';
import { youthLeagueSubgraph } from './index';

/** Who may read and write what (docs/ACCESS.md), and the audit trail of other roles' reads. */
let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(youthLeagueSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const published = () => world.youthLeague.stories.filter((s) => s.publishedOn !== null);

const STORIES = `query ($filter: SuccessStoryFilter, $first: Int, $after: String) {
  successStories(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id title published publishedOn channel regionCode protagonist { personKey } venture { id } } }
  }
}`;

describe('youth-league access rules', () => {
  const PUBLIC_STORY = `query ($id: ID!) { successStory(id: $id) { id title summary channel publishedOn regionCode venture { id } } }`;
  const PERSONAL_STORY = `query ($id: ID!) { successStory(id: $id) { id title protagonistName protagonist { personKey } } }`;

  it('serves published stories and awards to the public, without names or person links', async () => {
    const story = published()[0];
    const open = await harness.query(PUBLIC_STORY, { id: String(story.id) });
    expect(open.errors).toBeUndefined();
    expect(open.data.successStory).toMatchObject({ id: String(story.id), title: story.title, venture: { id: String(story.ventureId) } });

    const personal = await harness.query(PERSONAL_STORY, { id: String(story.id) });
    expect(personal.data.successStory).toEqual({ id: String(story.id), title: story.title, protagonistName: null, protagonist: null });
    expect(personal.errors?.map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['successStory.protagonist', 'FORBIDDEN'], ['successStory.protagonistName', 'FORBIDDEN'],
    ]);

    const awards = await harness.query('{ awards(first: 500) { totalCount edges { node { title level year regionCode } } } }');
    expect(awards.errors).toBeUndefined();
    expect(awards.data.awards.edges.length).toBe(awards.data.awards.totalCount);
    const names = await harness.query('{ awards(first: 1) { edges { node { recipientName recipient { personKey } } } } }');
    expect(names.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);

    const trainee = await harness.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on Trainee { stories { id } } } }`,
      { r: [{ __typename: 'Trainee', personKey: story.protagonistPersonKey }] });
    expect(trainee.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives analysts the person links but not the names', async () => {
    const story = published()[0];
    const { data, errors } = await harness.query(PERSONAL_STORY, { id: String(story.id) }, 'analyst');
    expect(data.successStory).toEqual({
      id: String(story.id), title: story.title, protagonistName: null, protagonist: { personKey: story.protagonistPersonKey },
    });
    expect(errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['successStory.protagonistName', 'FORBIDDEN']]);
  });

  it.each([undefined, 'analyst', 'hr'] as const)('keeps drafts from %s', async (role) => {
    const draft = world.youthLeague.stories.find((s) => s.publishedOn === null)!;
    const list = await harness.query(STORIES, { filter: { includeDrafts: true } }, role);
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await harness.query(PUBLIC_STORY, { id: String(draft.id) }, role)).data.successStory).toBeNull();
    const ref = await harness.query(`query ($r: [_Any!]!) { _entities(representations: $r) { ... on SuccessStory { id title } } }`,
      { r: [{ __typename: 'SuccessStory', id: String(draft.id) }] }, role);
    expect(ref.data._entities).toEqual([null]);
  });

  it.each([undefined, 'analyst', 'hr', 'womens-federation'] as const)('refuses writes by %s', async (role) => {
    const stories = await harness.rowCount('success_story');
    const awards = await harness.rowCount('award');
    const story = published()[0];
    const publish = await harness.query(`mutation { publishStory(input: { title: "t", summary: "s", protagonistPersonKey: "${story.protagonistPersonKey}",
      protagonistName: "n", ventureId: "${story.ventureId}", regionCode: "${story.regionCode}", channel: TV }) { id } }`, undefined, role);
    expect(publish.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const grant = await harness.query(`mutation { grantAward(input: { personKey: "${story.protagonistPersonKey}", recipientName: "n",
      title: "返乡创业之星", level: CITY, year: 2015, regionCode: "${story.regionCode}" }) { id } }`, undefined, role);
    expect(grant.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await harness.rowCount('success_story')).toBe(stories);
    expect(await harness.rowCount('award')).toBe(awards);
  });

  it("audits other roles' reads of stories and awards in one batch per record type, and every write", async () => {
    const query = `{ successStories(first: 500) { edges { node { id title } } } awards(first: 500) { edges { node { id } } } }`;
    const before = await harness.rowCount('audit_event');
    await harness.query(query, undefined, 'analyst');
    expect(await harness.rowCount('audit_event')).toBe(before + 2);
    const events = await harness.subgraph.dataSource.query(
      'SELECT role, action, record_type, cardinality(record_ids) AS n FROM audit_event ORDER BY id DESC LIMIT 2');
    expect(events).toEqual(expect.arrayContaining([
      { role: 'analyst', action: 'READ', record_type: 'SuccessStory', n: expect.any(Number) },
      { role: 'analyst', action: 'READ', record_type: 'Award', n: expect.any(Number) },
    ]));
    // The public's reads of published stories and youth-league's own reads are not audited.
    await harness.query(query);
    await harness.query(query, undefined, 'youth-league');
    expect(await harness.rowCount('audit_event')).toBe(before + 2);

    const story = published()[0];
    const written = await harness.query(`mutation { grantAward(input: { personKey: "${story.protagonistPersonKey}", recipientName: "n",
      title: "青年创业标兵", level: CITY, year: 2016, regionCode: "${story.regionCode}" }) { id } }`, undefined, 'youth-league');
    const [event] = await harness.subgraph.dataSource.query(
      'SELECT role, action, record_type, record_ids FROM audit_event ORDER BY id DESC LIMIT 1');
    expect(event).toEqual({ role: 'youth-league', action: 'WRITE', record_type: 'Award', record_ids: [written.data.grantAward.id] });
  });
});
