import { startSubgraphHarness, type GraphQLResponse, type SubgraphHarness } from '@rg/dev-postgres';
import { expectedRegionFigures, expectedScorecard, type WomenSupportCase, type World } from '@rg/demo-province';
import { personKeyPrefix } from '@rg/person-key';
import { allCities, countiesUnder, PROVINCE_CODE } from '@rg/regions';
import { encodeKeySet } from '@rg/region-scorecard';
import { womensFederationSubgraph } from './index';

let harness: SubgraphHarness;
let world: World;

beforeAll(async () => {
  harness = await startSubgraphHarness(womensFederationSubgraph);
  world = harness.world;
});

afterAll(() => harness?.stop());

const cases = () => world.womensFederation.cases;
const under = (code: string) => new Set(countiesUnder(code));
const NO_TARGET = 'no policy target set for this region and year: reported, not judged';
const idsOf = (records: Array<{ id: number }>) => records.map((r) => String(r.id)).sort((a, b) => Number(a) - Number(b));

function busiestCity(): string {
  const counts = allCities().map((city) => ({ code: city.code, n: cases().filter((c) => under(city.code).has(c.regionCode)).length }));
  return counts.sort((a, b) => b.n - a.n)[0].code;
}

/**
 * What poverty would send as poorWomenTraineeKeySet, computed plainly from the world: women
 * of the region who completed a course in the year and whose household was registered by then.
 */
function poorWomenTraineePrefixes(regionCode: string, year: number): bigint[] {
  const counties = under(regionCode);
  const registered = new Map(world.poverty.households.map((h) => [h.id, h.registeredYear]));
  const poor = new Set(world.poverty.members.filter((m) => registered.get(m.householdId)! <= year).map((m) => m.personKey));
  const trained = new Set(world.hr.enrolments.filter((e) => e.completedOn?.startsWith(`${year}-`)).map((e) => e.traineeId));
  return world.hr.trainees
    .filter((t) => trained.has(t.id) && counties.has(t.regionCode) && t.gender === 'FEMALE' && poor.has(t.personKey))
    .map((t) => personKeyPrefix(t.personKey));
}

const CASES = `query ($filter: WomenSupportCaseFilter, $first: Int, $after: String) {
  womenSupportCases(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id personKey name regionCode supportType openedOn closedOn open outcome poorPriority } }
  }
}`;

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Trainee { personKey womenSupport { id supportType openedOn open outcome } }
    ... on WomenSupportCase { id name }
    ... on Region { code womenSupportCaseCount openWomenSupportCaseCount }
    ... on Scorecard { regionCode year womenSupportCasesOpened { value target met } }
  }
}`;

const SHARE = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Scorecard { regionCode year poorWomenSupportedShare { value target met suppressed note } }
  }
}`;

describe('the demo world', () => {
  it('has open and closed cases, poor-priority ones among them, all for women', () => {
    expect(cases().some((c) => c.closedOn === null)).toBe(true);
    expect(cases().some((c) => c.closedOn !== null)).toBe(true);
    expect(cases().some((c) => c.poorPriority)).toBe(true);
    expect(cases().every((c) => Number(c.citizenId[16]) % 2 === 0)).toBe(true);
  });

  it('is seeded once: seeding again writes nothing', async () => {
    const counts = () => Promise.all(['women_support_case'].map(async (table) =>
      (await harness.subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number));
    const before = await counts();
    expect(before[0]).toBeGreaterThan(0);
    await womensFederationSubgraph.seed(harness.subgraph.dataSource, world);
    expect(await counts()).toEqual(before);
  });
});

describe('womenSupportCases', () => {
  it('lists every case, and a city at a time', async () => {
    const all = await harness.query(CASES, { first: 500 }, 'womens-federation');
    expect(all.errors).toBeUndefined();
    expect(all.data.womenSupportCases.totalCount).toBe(cases().length);

    const city = busiestCity();
    const inCity = cases().filter((c) => under(city).has(c.regionCode));
    const byCity = await harness.query(CASES, { filter: { regionCode: city }, first: 500 }, 'womens-federation');
    expect(byCity.data.womenSupportCases.totalCount).toBe(inCity.length);
    expect(byCity.data.womenSupportCases.edges.map((e: any) => e.node.id)).toEqual(idsOf(inCity));
    const sample = inCity[0];
    expect(byCity.data.womenSupportCases.edges[0].node).toEqual({
      id: String(sample.id), personKey: sample.personKey, name: sample.name, regionCode: sample.regionCode,
      supportType: sample.supportType, openedOn: sample.openedOn, closedOn: sample.closedOn, open: sample.closedOn === null,
      outcome: sample.outcome, poorPriority: sample.poorPriority,
    });
  });

  it.each<[string, Record<string, unknown>, (c: WomenSupportCase) => boolean]>([
    ['support type', { supportType: 'MENTORING' }, (c) => c.supportType === 'MENTORING'],
    ['outcome', { outcome: 'VENTURE_OPENED' }, (c) => c.outcome === 'VENTURE_OPENED'],
    ['opened year', { openedYear: 2018 }, (c) => c.openedOn.startsWith('2018-')],
    ['open cases', { open: true }, (c) => c.closedOn === null],
    ['closed cases', { open: false }, (c) => c.closedOn !== null],
    ['poor priority', { poorPriority: true }, (c) => c.poorPriority],
    ['not poor priority', { poorPriority: false }, (c) => !c.poorPriority],
    ['everything at once', { regionCode: PROVINCE_CODE, supportType: 'ECOMMERCE_TRAINING', open: false, poorPriority: true },
      (c) => c.supportType === 'ECOMMERCE_TRAINING' && c.closedOn !== null && c.poorPriority],
  ])('filters by %s', async (_name, filter, keep) => {
    const expected = cases().filter(keep);
    expect(expected.length).toBeGreaterThan(0);
    const response = await harness.query(CASES, { filter, first: 500 }, 'analyst');
    expect(response.data.womenSupportCases.edges.map((e: any) => e.node.id)).toEqual(idsOf(expected));
  });

  it('walks every case page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await harness.query(CASES, { first: 30, after }, 'womens-federation');
      seen.push(...page.data.womenSupportCases.edges.map((e: any) => e.node.id));
      after = page.data.womenSupportCases.pageInfo.hasNextPage ? page.data.womenSupportCases.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(idsOf(cases()));
  });

  it('refuses pages over 500 and unknown regions', async () => {
    expect((await harness.query(CASES, { first: 501 }, 'womens-federation')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await harness.query(CASES, { filter: { regionCode: '999999' } }, 'womens-federation')).errors?.[0].extensions)
      .toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionCode' });
  });

  it('reads one case; the raw citizen ID is never a field', async () => {
    const sample = cases()[0];
    const response = await harness.query(`query ($id: ID!) { womenSupportCase(id: $id) { id personKey open } }`, { id: String(sample.id) }, 'analyst');
    expect(response.data.womenSupportCase).toEqual({ id: String(sample.id), personKey: sample.personKey, open: sample.closedOn === null });
    const type = await harness.query(`{ __type(name: "WomenSupportCase") { fields { name } } }`);
    expect(type.data.__type.fields.some((f: { name: string }) => /citizen|prefix/i.test(f.name))).toBe(false);
    const body = JSON.stringify((await harness.query(CASES, { first: 500 }, 'admin')).data);
    expect(body).not.toContain(sample.citizenId);
  });
});

describe('references from the gateway', () => {
  it("resolves Trainee.womenSupport by personKey, for trainees with and without cases", async () => {
    const women = world.hr.trainees.filter((t) => t.gender === 'FEMALE').slice(0, 100);
    const response = await harness.query(ENTITIES, {
      representations: women.map((t) => ({ __typename: 'Trainee', personKey: t.personKey })),
    }, 'analyst');
    expect(response.errors).toBeUndefined();
    let withCases = 0;
    for (const [i, woman] of women.entries()) {
      const expected = cases().filter((c) => c.personKey === woman.personKey);
      if (expected.length) withCases++;
      expect(response.data._entities[i].womenSupport.map((c: { id: string }) => c.id)).toEqual(idsOf(expected));
    }
    expect(withCases).toBeGreaterThan(0);
    expect(withCases).toBeLessThan(women.length);
  });

  it('resolves WomenSupportCase references', async () => {
    const [a, b] = cases();
    const response = await harness.query(ENTITIES, {
      representations: [{ __typename: 'WomenSupportCase', id: String(b.id) }, { __typename: 'WomenSupportCase', id: String(a.id) }],
    }, 'womens-federation');
    expect(response.data._entities).toEqual([{ id: String(b.id), name: b.name }, { id: String(a.id), name: a.name }]);
  });
});

describe('region figures and the scorecard', () => {
  it('counts cases and open cases for regions at every level in one statement', async () => {
    const city = busiestCity();
    const codes = [PROVINCE_CODE, ...allCities().map((c) => c.code), countiesUnder(city)[0]];
    const before = await harness.statements();
    const response = await harness.query(ENTITIES, { representations: codes.map((code) => ({ __typename: 'Region', code })) }, 'analyst');
    expect(await harness.statements()).toBe(before + 1);
    for (const [i, code] of codes.entries()) {
      const open = cases().filter((c) => under(code).has(c.regionCode) && c.closedOn === null).length;
      expect(response.data._entities[i]).toEqual({
        code, womenSupportCaseCount: expectedRegionFigures(world, code).womenSupportCaseCount, openWomenSupportCaseCount: open,
      });
    }
  });

  it('reports womenSupportCasesOpened for any regions and years in one statement', async () => {
    const city = busiestCity();
    const cards = [2016, 2017, 2018, 2019, 2020].flatMap((year) => [PROVINCE_CODE, city].map((regionCode) => ({ regionCode, year })));
    const before = await harness.statements();
    const response = await harness.query(ENTITIES, { representations: cards.map((c) => ({ __typename: 'Scorecard', ...c })) }, 'analyst');
    expect(await harness.statements()).toBe(before + 1);
    for (const [i, card] of cards.entries()) {
      expect(response.data._entities[i].womenSupportCasesOpened)
        .toEqual(expectedScorecard(world, card.regionCode, card.year).womenSupportCasesOpened);
    }
    expect(response.data._entities[0].womenSupportCasesOpened.value).toBeGreaterThan(0);
  });

  it("answers poorWomenSupportedShare from poverty's key set, every scorecard in one statement", async () => {
    const cards = [2017, 2018, 2019, 2020].flatMap((year) => [PROVINCE_CODE, busiestCity()].map((regionCode) => ({ regionCode, year })));
    const representations = cards.map((card) => ({
      __typename: 'Scorecard', ...card, poorWomenTraineeKeySet: encodeKeySet(poorWomenTraineePrefixes(card.regionCode, card.year)),
    }));
    const before = await harness.statements();
    const response = await harness.query(SHARE, { representations }, 'analyst');
    expect(response.errors).toBeUndefined();
    expect(await harness.statements()).toBe(before + 1);
    let judged = 0;
    let refused = 0;
    for (const [i, card] of cards.entries()) {
      const expected = expectedScorecard(world, card.regionCode, card.year).poorWomenSupportedShare;
      const people = poorWomenTraineePrefixes(card.regionCode, card.year).length;
      const actual = response.data._entities[i].poorWomenSupportedShare;
      if (people > 0 && people < 5) { // a handful of people: refused whoever asks (disclosure control)
        expect(actual).toEqual({ value: null, target: expected.target, met: null, suppressed: true,
          note: 'womens-federation refused a key set of fewer than 5 people: suppressed to protect privacy' });
        refused++;
        continue;
      }
      expect(actual.value).toBeCloseTo(expected.value!, 12);
      // The plan sets no target for it: reported, not judged, and the note says so.
      expect(actual).toMatchObject({ target: expected.target, met: expected.met, suppressed: false, note: NO_TARGET });
      if (people) judged++;
    }
    expect(judged).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(response.data._entities.some((e: any) => e.poorWomenSupportedShare.value > 0)).toBe(true);
  });

  it('answers 0 for an empty key set, and refuses a malformed one or none at all', async () => {
    const empty = await harness.query(SHARE, {
      representations: [{ __typename: 'Scorecard', regionCode: PROVINCE_CODE, year: 2019, poorWomenTraineeKeySet: '' }],
    });
    expect(empty.data._entities[0].poorWomenSupportedShare.value).toBe(0);
    const withheld = await harness.query(SHARE, { // poverty withheld a set of a handful of people
      representations: [{ __typename: 'Scorecard', regionCode: PROVINCE_CODE, year: 2019, poorWomenTraineeKeySet: null }],
    }, 'admin');
    expect(withheld.errors).toBeUndefined();
    expect(withheld.data._entities[0].poorWomenSupportedShare).toMatchObject({
      value: null, met: null, suppressed: true, note: 'poverty withheld a key set of fewer than 5 people: suppressed to protect privacy',
    });
    const malformed = await harness.query(SHARE, {
      representations: [{ __typename: 'Scorecard', regionCode: PROVINCE_CODE, year: 2019, poorWomenTraineeKeySet: 'AAAA' }],
    });
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'poorWomenTraineeKeySet' });
    const direct = await harness.query(`{ scorecard(regionCode: "${PROVINCE_CODE}", year: 2019) { poorWomenSupportedShare { value } } }`);
    expect(direct.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'poorWomenTraineeKeySet' });
  });
});
